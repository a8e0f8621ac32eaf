using Changxing.Contracts.Ticketing;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Changxing.Points.BackRegistration;

/// <summary>
/// Asks Ticketing for a ticket's facts over the bus (request/response), waiting at most
/// <see cref="PointsOptions.TicketFactsTimeout"/>. No answer in time, a fault or an unreachable broker is
/// <see cref="TicketFactsAnswer.NoAnswer"/>: the caller may try again, nothing was credited.
/// </summary>
public sealed partial class TicketFactsLookup(IRequestClient<GetTicketFacts> client, IOptions<PointsOptions> options, ILogger<TicketFactsLookup> logger)
{
    public async Task<TicketFactsAnswer> AskAsync(string ticketNumber, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetResponse<TicketFacts, TicketNotFound>(
                new GetTicketFacts(ticketNumber), cancellationToken, options.Value.TicketFactsTimeout);
            return response.Is(out Response<TicketFacts>? facts) ? TicketFactsAnswer.Of(facts.Message) : TicketFactsAnswer.NotFound;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNoAnswer(logger, exception.GetType().Name, options.Value.TicketFactsTimeout);
            return TicketFactsAnswer.NoAnswer;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticketing gave no facts of a ticket for a back-registration ({Failure}, waited up to {Timeout})")]
    private static partial void LogNoAnswer(ILogger logger, string failure, TimeSpan timeout);
}
