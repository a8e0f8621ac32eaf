using Changxing.Contracts;
using Changxing.Contracts.Points;
using Changxing.ServiceDefaults.Outcomes;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Inventory;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Tickets;

/// <summary>E-tickets: issued from a redemption's hold, sold for money, voided, and completed at the gates.</summary>
public sealed class TicketOffice(TicketingDbContext db, RunLocks locks, SeatInventory inventory, TimeProvider clock) : IRedemptionTicketIssuer
{
    /// <summary>
    /// Holds a seat inside the "兑" quota and turns it into a points-paid ticket under one lock of the run. Inside the
    /// saga's transaction this joins it, so the seat, the ticket and the saga's next step commit together.
    /// </summary>
    public async Task<Outcome<Ticket>> IssueForRedemptionAsync(RedemptionTicketRequest request, CancellationToken cancellationToken)
    {
        if (await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.RedemptionId == request.RedemptionId, cancellationToken) is { } issued)
        {
            return Repeat(issued);
        }

        var hold = new HoldRequest(request.RedemptionId, request.MemberId, request.TrainNumber, request.TravelDate,
            request.FromStation, request.ToStation, request.SeatClass, request.PassengerKey);
        var runId = await inventory.ResolveAsync(hold, cancellationToken);
        if (!runId.Succeeded)
        {
            return runId.AsRejection<Ticket>();
        }

        return await locks.ExecuteAsync(runId.Value, async run =>
        {
            if (await run.Db.Tickets.FirstOrDefaultAsync(t => t.RedemptionId == request.RedemptionId, cancellationToken) is { } raced)
            {
                return Repeat(raced);
            }

            var outcome = await inventory.TryHoldAsync(run, hold, cancellationToken);
            return outcome.Value is { Status: HoldStatus.Held } held
                ? Outcome<Ticket>.Success(Issue(run, held, request.PassengerName, request.PassengerIdMasked, PaymentMethod.Points, request.PointsPaid))
                : Outcome<Ticket>.Rejected(outcome.Reason ?? ReasonCodes.HoldNotFound, outcome.Detail ?? $"The seat hold was already {outcome.Value?.Status.ToString().ToLowerInvariant()}.");
        }, cancellationToken);
    }

    private static Outcome<Ticket> Repeat(Ticket ticket) =>
        ticket.Status == TicketStatus.Voided
            ? Outcome<Ticket>.Rejected(ReasonCodes.HoldAlreadyReleased, $"This redemption's ticket {ticket.TicketNumber} was voided and its seat given back.")
            : Outcome<Ticket>.Success(ticket);

    /// <summary>Whether Membership has announced <paramref name="memberId"/> as activated (the KnownMembers projection).</summary>
    public Task<bool> KnowsMemberAsync(Guid memberId, CancellationToken cancellationToken) =>
        db.KnownMembers.AsNoTracking().AnyAsync(m => m.MemberId == memberId, cancellationToken);

    /// <summary>Sells a money-paid ticket: a seat held and ticketed in one step, outside any "兑" quota.</summary>
    public async Task<Outcome<Ticket>> SellAsync(SaleRequest sale, CancellationToken cancellationToken)
    {
        var request = new HoldRequest(null, sale.MemberId, sale.TrainNumber, sale.TravelDate, sale.FromStation, sale.ToStation, sale.SeatClass, sale.PassengerKey);
        var runId = await inventory.ResolveAsync(request, cancellationToken);
        if (!runId.Succeeded)
        {
            return runId.AsRejection<Ticket>();
        }

        return await locks.ExecuteAsync(runId.Value, async run =>
        {
            var outcome = await inventory.TryHoldAsync(run, request, cancellationToken);
            return outcome.Succeeded
                ? Outcome<Ticket>.Success(Issue(run, outcome.Value, sale.PassengerName, sale.PassengerIdMasked, PaymentMethod.Money, 0))
                : outcome.AsRejection<Ticket>();
        }, cancellationToken);
    }

    /// <summary>Voids the redemption's ticket and frees its seat; with no ticket, frees a hold that is still held. Idempotent.</summary>
    public async Task<Ticket?> VoidAsync(Guid redemptionId, CancellationToken cancellationToken)
    {
        var hold = await db.SeatHolds.AsNoTracking().FirstOrDefaultAsync(h => h.RedemptionId == redemptionId, cancellationToken);
        if (hold is null)
        {
            return null;
        }

        return await locks.ExecuteAsync(hold.RunId, async run =>
        {
            var current = await run.Db.SeatHolds.SingleAsync(h => h.Id == hold.Id, cancellationToken);
            var ticket = await run.Db.Tickets.FirstOrDefaultAsync(t => t.HoldId == hold.Id, cancellationToken);
            var now = clock.GetUtcNow();
            if (ticket is { Status: TicketStatus.Issued })
            {
                ticket.Void(now);
            }

            if (current.Occupies && ticket?.Status != TicketStatus.Completed)
            {
                run.Free(current);
                current.End(ticket is null ? HoldStatus.Released : HoldStatus.Voided, now);
            }

            return ticket;
        }, cancellationToken);
    }

    /// <summary>
    /// Records that the ticket's trip was completed and, for money-paid tickets, publishes <see cref="TripCompleted"/>
    /// so Points credits it. Repeating it publishes again (Points credits a ticket number once).
    /// </summary>
    public async Task<Outcome<Ticket>> CompleteTripAsync(string ticketNumber, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.TicketNumber == ticketNumber, cancellationToken);
        if (ticket is null)
        {
            return Outcome<Ticket>.Rejected(ReasonCodes.NotFound, $"There is no ticket {ticketNumber}.");
        }

        if (ticket.Status == TicketStatus.Voided)
        {
            return Outcome<Ticket>.Rejected(ReasonCodes.Conflict, $"Ticket {ticketNumber} was voided.");
        }

        if (ticket.Status == TicketStatus.Issued && clock.GetUtcNow() < ticket.DepartsAt)
        {
            return Outcome<Ticket>.Rejected(ReasonCodes.TripNotYetDeparted, $"Ticket {ticketNumber} departs at {ticket.DepartsAt:u}: a trip cannot be completed before it departs.");
        }

        if (ticket.Status == TicketStatus.Issued)
        {
            ticket.Complete(clock.GetUtcNow());
        }

        // Published before the save: the outbox stores the event with the completion.
        if (ticket.PaymentMethod == PaymentMethod.Money)
        {
            await publisher.Publish(
                new TripCompleted(ticket.TicketNumber, ticket.MemberId, ticket.Fare, ticket.TravelDate, ticket.PaymentMethod, ticket.CompletedAt!.Value),
                cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Ticket>.Success(ticket);
    }

    private Ticket Issue(LockedRun run, SeatHold hold, string passengerName, string passengerIdMasked, string paymentMethod, long pointsPaid)
    {
        hold.MarkTicketed();
        var from = run.Train.IndexOf(hold.FromStation);
        var to = run.Train.IndexOf(hold.ToStation);
        var ticket = new Ticket
        {
            TicketNumber = TicketNumbers.Next(),
            HoldId = hold.Id,
            RedemptionId = hold.RedemptionId,
            MemberId = hold.MemberId,
            PassengerName = passengerName,
            PassengerIdMasked = passengerIdMasked,
            TrainNumber = hold.TrainNumber,
            TravelDate = hold.TravelDate,
            FromStation = hold.FromStation,
            ToStation = hold.ToStation,
            DepartsAt = run.Train.DepartsAt(run.Run.ServiceDate, from).ToUniversalTime(),
            ArrivesAt = run.Train.ArrivesAt(run.Run.ServiceDate, to).ToUniversalTime(),
            SeatClass = hold.SeatClass,
            Car = hold.Car,
            Seat = hold.Seat,
            Fare = hold.Fare,
            PaymentMethod = paymentMethod,
            PointsPaid = pointsPaid,
            IssuedAt = clock.GetUtcNow(),
        };
        run.Db.Tickets.Add(ticket);
        return ticket;
    }
}
