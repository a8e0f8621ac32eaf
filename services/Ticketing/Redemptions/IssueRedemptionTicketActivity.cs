using Changxing.Contracts.Points;
using Changxing.ServiceDefaults.Outcomes;
using Changxing.ServiceDefaults.Time;
using Changxing.Ticketing.Tickets;
using MassTransit;

namespace Changxing.Ticketing.Redemptions;

/// <summary>
/// Saga steps 3 and 4, once the points are reserved: a seat inside the "兑" quota and the e-ticket, taken from
/// Ticketing's own inventory inside the transaction that stores the saga (no round trip through the broker to this
/// same process and database). On success the saga holds the seat, car and ticket; otherwise the outcome's reason is
/// left for the state machine as an <see cref="Outcome{T}"/> payload.
/// </summary>
public sealed class IssueRedemptionTicketActivity(IRedemptionTicketIssuer issuer) : IStateMachineActivity<RedemptionState, PointsReserved>
{
    public async Task Execute(BehaviorContext<RedemptionState, PointsReserved> context, IBehavior<RedemptionState, PointsReserved> next)
    {
        var saga = context.Saga;
        var outcome = await issuer.IssueForRedemptionAsync(
            new RedemptionTicketRequest(saga.CorrelationId, saga.MemberId, saga.TrainNumber, saga.TravelDate, saga.FromStation, saga.ToStation,
                saga.SeatClass, saga.PassengerKey!, saga.PassengerName!, saga.PassengerIdMasked!, saga.Points),
            context.CancellationToken);
        if (outcome.Value is { } ticket)
        {
            saga.SeatHoldId = ticket.HoldId;
            saga.Car = ticket.Car;
            saga.Seat = ticket.Seat;
            saga.TicketNumber = ticket.TicketNumber;
            saga.DepartsAt = ticket.DepartsAt.ToOffset(ChinaCalendar.Offset);
        }

        context.AddOrUpdatePayload(() => outcome, _ => outcome);
        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<RedemptionState, PointsReserved, TException> context, IBehavior<RedemptionState, PointsReserved> next)
        where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("issue-redemption-ticket");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}
