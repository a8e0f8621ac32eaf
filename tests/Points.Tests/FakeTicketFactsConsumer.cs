using Changxing.Contracts.Ticketing;
using MassTransit;

namespace Changxing.Points.Tests;

/// <summary>Answers <see cref="GetTicketFacts"/> as Ticketing would, from <see cref="FakeTicketing"/>; silent tickets get no answer.</summary>
public sealed class FakeTicketFactsConsumer(FakeTicketing ticketing) : IConsumer<GetTicketFacts>
{
    public Task Consume(ConsumeContext<GetTicketFacts> context)
    {
        var number = context.Message.TicketNumber;
        if (ticketing.IsSilent(number))
        {
            return Task.CompletedTask;
        }

        return ticketing.Find(number) is { } facts
            ? context.RespondAsync(facts)
            : context.RespondAsync(new TicketNotFound(number));
    }
}
