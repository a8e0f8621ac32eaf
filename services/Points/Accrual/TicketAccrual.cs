using Changxing.Contracts;
using Changxing.Contracts.Ticketing;
using Changxing.Points.BackRegistration;
using Changxing.Points.Data;
using Changxing.Points.Ledger;
using Changxing.Points.Members;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Points.Accrual;

/// <summary>
/// Credits a ticket once: from a completed trip, or back-registered (补登) by an operator within the window. The
/// credit's event is published in the credit's transaction, so the outbox stores both or neither.
/// </summary>
public sealed class TicketAccrual(PointsDbContext db, MemberTransactions transactions, BusinessCalendar calendar, IPublishEndpoint publish)
{
    public Task<TicketCreditOutcome> CreditTripAsync(TripTicket ticket, CancellationToken cancellationToken) =>
        CreditAsync(ticket, CreditSource.Trip, cancellationToken);

    public Task<TicketCreditOutcome> BackRegisterAsync(TripTicket ticket, CancellationToken cancellationToken) =>
        CreditAsync(ticket, CreditSource.BackRegistration, cancellationToken);

    private Task<TicketCreditOutcome> CreditAsync(TripTicket ticket, string source, CancellationToken cancellationToken)
    {
        // One spelling per ticket, so "e291536511" or a full-width "Ｅ291536511" cannot be credited a second time.
        ticket = ticket with
        {
            TicketNumber = TicketNumberFormat.Normalise(ticket.TicketNumber)
                ?? throw new ArgumentException($"Not a ticket number ({TicketNumberFormat.Pattern}).", nameof(ticket)),
        };
        if (!FacePrice.IsPlausible(ticket.FacePrice))
        {
            throw new ArgumentOutOfRangeException(nameof(ticket), ticket.FacePrice, $"A face price is 0 to {FacePrice.MaximumYuan} yuan.");
        }

        return transactions.RunAsync(ticket.MemberId, async member =>
        {
            var outcome = await DecideAsync(ticket, source, member, cancellationToken);
            if (outcome.Credited is { } credited)
            {
                await publish.Publish(credited, cancellationToken);
            }

            return outcome;
        }, cancellationToken);
    }

    private async Task<TicketCreditOutcome> DecideAsync(TripTicket ticket, string source, PointsMember? member, CancellationToken cancellationToken)
    {
        if (member is null)
        {
            return new TicketCreditOutcome(TicketCreditStatus.MemberUnknown);
        }

        var existing = await db.Lots.SingleOrDefaultAsync(l => l.TicketNumber == ticket.TicketNumber, cancellationToken);
        if (existing is not null)
        {
            // A redelivered trip publishes its credit again (the first publish may have been lost); nothing is credited twice.
            var again = source == CreditSource.Trip && existing.Source == CreditSource.Trip && existing.MemberId == member.MemberId
                ? CreditPosting.Event(existing, member)
                : null;
            return new TicketCreditOutcome(TicketCreditStatus.AlreadyCredited, again);
        }

        if (ticket.PaymentMethod == PaymentMethod.Points)
        {
            return new TicketCreditOutcome(TicketCreditStatus.PaidWithPoints);
        }

        var today = calendar.Today;
        var days = today.DayNumber - ticket.DepartureDate.DayNumber;
        if (source == CreditSource.BackRegistration)
        {
            if (days < 0)
            {
                return new TicketCreditOutcome(TicketCreditStatus.NotYetDeparted, DaysAfterDeparture: days);
            }

            if (!BackRegistrationWindow.IsOpen(ticket.DepartureDate, today))
            {
                return new TicketCreditOutcome(TicketCreditStatus.TooLate, DaysAfterDeparture: days);
            }
        }

        var points = AccrualRule.PointsFor(ticket.FacePrice, member.BirthDate, ticket.DepartureDate);
        if (points == 0)
        {
            return new TicketCreditOutcome(TicketCreditStatus.Credited, DaysAfterDeparture: days);
        }

        var lot = CreditPosting.Post(db, member, points, source, ticket.TicketNumber, null, today, calendar.Now);
        return new TicketCreditOutcome(TicketCreditStatus.Credited, CreditPosting.Event(lot, member), days);
    }
}
