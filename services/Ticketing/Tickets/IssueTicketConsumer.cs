using Changxing.Contracts.Ticketing;
using Changxing.Ticketing.Messaging;
using MassTransit;

namespace Changxing.Ticketing.Tickets;

/// <summary>Saga step 4: the hold becomes a points-paid e-ticket. Idempotent by redemption id (a repeat gets the same ticket).</summary>
public sealed class IssueTicketConsumer(TicketOffice office) : IConsumer<IssueTicket>
{
    public async Task Consume(ConsumeContext<IssueTicket> context)
    {
        var m = context.Message;
        var outcome = await office.IssueAsync(m.RedemptionId, m.PassengerName, m.PassengerIdMasked, m.PointsPaid, context.CancellationToken);
        if (outcome.Ticket is { } t)
        {
            await context.ReplyAsync(new TicketIssued(
                m.RedemptionId, t.MemberId, t.TicketNumber, t.TrainNumber, t.TravelDate, t.FromStation, t.ToStation,
                t.DepartsAt.ToOffset(Trains.RailwayTime.Offset), t.SeatClass, t.Car, t.Seat, t.PassengerName, t.Fare, t.PointsPaid));
        }
        else
        {
            await context.ReplyAsync(new TicketIssueRejected(m.RedemptionId, outcome.Reason!, outcome.Detail!));
        }
    }
}
