using Changxing.Contracts.Points;
using MassTransit;

namespace Changxing.Points.Accrual;

/// <summary>Credits a completed trip and publishes PointsCredited.</summary>
public sealed partial class TripCompletedConsumer(TicketAccrual accrual, ILogger<TripCompletedConsumer> logger) : IConsumer<TripCompleted>
{
    public async Task Consume(ConsumeContext<TripCompleted> context)
    {
        var trip = context.Message;
        var outcome = await accrual.CreditTripAsync(
            new TripTicket(trip.TicketNumber, trip.MemberId, trip.FacePrice, trip.DepartureDate, trip.PaymentMethod),
            context.CancellationToken);

        switch (outcome.Status)
        {
            case TicketCreditStatus.MemberUnknown:
                throw new UnknownMemberException(trip.MemberId);
            case TicketCreditStatus.PaidWithPoints:
                LogNothingEarned(logger, trip.TicketNumber);
                break;
        }

        if (outcome.Credited is { } credited)
        {
            // Published by the accrual, in the credit's transaction.
            LogCredited(logger, credited.Points, trip.TicketNumber, credited.LotId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Credited {Points} points for ticket {TicketNumber} as lot {LotId}")]
    private static partial void LogCredited(ILogger logger, long points, string ticketNumber, Guid lotId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketNumber} was paid with points and earns nothing")]
    private static partial void LogNothingEarned(ILogger logger, string ticketNumber);
}
