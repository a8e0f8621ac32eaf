using MassTransit;
using Changxing.Contracts;
using Changxing.Contracts.Points;
using Changxing.Points.Data;
using Changxing.Points.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Changxing.Points.Holds;

/// <summary>
/// Reserve, capture and release for the redemption saga. Each runs under the member's lock and is idempotent by
/// redemption id: a redelivered command answers the same outcome and changes nothing.
/// </summary>
public sealed class HoldBook(PointsDbContext db, MemberTransactions transactions, BusinessCalendar calendar, LotPolicy policy, IOptions<PointsOptions> options)
{
    /// <summary>Answers <see cref="PointsReserved"/> or <see cref="PointsReservationRejected"/>.</summary>
    public Task<object> ReserveAsync(ReservePoints command, CancellationToken cancellationToken) =>
        transactions.RunAsync<object>(command.MemberId, async member =>
        {
            var existing = await db.Holds.AsNoTracking().SingleOrDefaultAsync(h => h.RedemptionId == command.RedemptionId, cancellationToken);
            if (existing is not null)
            {
                return new PointsReserved(existing.RedemptionId, existing.MemberId, existing.HoldId, existing.Points);
            }

            var earlier = await db.ReservationRejections.AsNoTracking().SingleOrDefaultAsync(r => r.RedemptionId == command.RedemptionId, cancellationToken);
            if (earlier is not null)
            {
                return Answer(earlier);
            }

            if (member is null)
            {
                return Reject(command, ReasonCodes.MemberNotActive, "The member is not an active points member.", 0, 0, 0);
            }

            if (command.Points <= 0)
            {
                return Reject(command, ReasonCodes.InvalidRequest, "A reservation needs a positive number of points.", 0, 0, 0);
            }

            var today = calendar.Today;
            var lots = await db.Lots.Where(l => l.MemberId == member.MemberId && l.Remaining > 0).ToListAsync(cancellationToken);
            var balance = PointsBalance.Of(member, lots, today, policy);
            if (!member.RedemptionUnlocked)
            {
                return Reject(command, ReasonCodes.BelowRedemptionThreshold,
                    $"Redemption unlocks at {RedemptionThreshold.Points:N0} lifetime points; {member.LifetimeCredited:N0} credited so far.",
                    balance.Available, balance.Frozen.Total, member.ThresholdShortfall);
            }

            if (balance.Available < command.Points)
            {
                return Reject(command, ReasonCodes.InsufficientAvailablePoints,
                    $"{command.Points:N0} points required, {balance.Available:N0} available ({balance.Frozen.Total:N0} frozen).",
                    balance.Available, balance.Frozen.Total, command.Points - balance.Available);
            }

            var now = calendar.Now;
            var hold = new PointsHold(command.RedemptionId, member.MemberId, command.Points, now, now + options.Value.HoldTimeout);
            var left = command.Points;
            foreach (var lot in lots.Where(l => policy.CanPay(l, today)).OrderBy(l => l.ExpiresOn).ThenBy(l => l.CreditedAt).ThenBy(l => l.LotId))
            {
                var take = Math.Min(left, lot.Remaining);
                lot.Hold(take);
                hold.Allocate(lot.LotId, take);
                left -= take;
                if (left == 0)
                {
                    break;
                }
            }

            db.Holds.Add(hold);
            db.Entries.Add(new LedgerEntry(member.MemberId, now, LedgerEntryKind.Held, hold.Points, redemptionId: hold.RedemptionId));
            return new PointsReserved(hold.RedemptionId, hold.MemberId, hold.HoldId, hold.Points);
        }, cancellationToken);

    /// <summary>Answers <see cref="PointsCaptured"/> or <see cref="PointsCaptureRejected"/>.</summary>
    public Task<object> CaptureAsync(CapturePoints command, CancellationToken cancellationToken) =>
        transactions.RunAsync<object>(command.MemberId, async _ =>
        {
            var hold = await FindHoldAsync(command.RedemptionId, command.MemberId, cancellationToken);
            switch (hold?.Status)
            {
                case null:
                    return new PointsCaptureRejected(command.RedemptionId, command.MemberId, ReasonCodes.HoldNotFound, "No points are held for this redemption.");
                case HoldStatus.Captured:
                    return new PointsCaptured(hold.RedemptionId, hold.MemberId, hold.HoldId, hold.Points);
                case HoldStatus.Released or HoldStatus.Expired or HoldStatus.CaptureReversed:
                    return new PointsCaptureRejected(command.RedemptionId, command.MemberId, ReasonCodes.HoldAlreadyReleased, hold.Status switch
                    {
                        HoldStatus.Expired => "The hold expired and its points were given back.",
                        HoldStatus.CaptureReversed => "The redemption was given up and its captured points were given back.",
                        _ => "The hold was released.",
                    });
            }

            var now = calendar.Now;
            foreach (var (lot, allocation) in await AllocatedLotsAsync(hold, cancellationToken))
            {
                lot.CaptureHeld(allocation.Points);
            }

            hold.MarkCaptured(now);
            db.Entries.Add(new LedgerEntry(hold.MemberId, now, LedgerEntryKind.Captured, hold.Points, redemptionId: hold.RedemptionId));
            return new PointsCaptured(hold.RedemptionId, hold.MemberId, hold.HoldId, hold.Points);
        }, cancellationToken);

    /// <summary>Gives the points back to their lots. Answers <see cref="PointsReleased"/>, with 0 points when nothing was held.</summary>
    public Task<PointsReleased> ReleaseAsync(ReleasePoints command, CancellationToken cancellationToken) =>
        transactions.RunAsync(command.MemberId, async _ =>
        {
            var hold = await FindHoldAsync(command.RedemptionId, command.MemberId, cancellationToken);
            switch (hold?.Status)
            {
                case null:
                    if (!await db.ReservationRejections.AnyAsync(r => r.RedemptionId == command.RedemptionId, cancellationToken))
                    {
                        // Released before reserved: a reserve arriving late must not hold points nobody will release.
                        db.ReservationRejections.Add(new ReservationRejection(command.RedemptionId, command.MemberId, ReasonCodes.HoldAlreadyReleased,
                            "The redemption was released before its points were reserved.", 0, 0, 0, 0, calendar.Now));
                    }

                    return new PointsReleased(command.RedemptionId, command.MemberId, null, 0);
                case HoldStatus.Captured:
                    return await ReverseCaptureAsync(hold, command.Reason, cancellationToken);
                case HoldStatus.Released or HoldStatus.Expired or HoldStatus.CaptureReversed:
                    return new PointsReleased(hold.RedemptionId, hold.MemberId, hold.HoldId, hold.Points);
            }

            hold.MarkReleased(calendar.Now, command.Reason);
            await GiveBackAsync(hold, LedgerEntryKind.Released, command.Reason, cancellationToken);
            return new PointsReleased(hold.RedemptionId, hold.MemberId, hold.HoldId, hold.Points);
        }, cancellationToken);

    /// <summary>
    /// The sweeper's release of a hold past its deadline. Returns the event to publish, also for a hold expired earlier
    /// whose event has not gone out yet; null when there is nothing to do.
    /// </summary>
    public Task<PointsHoldExpired?> ExpireOverdueAsync(Guid holdId, Guid memberId, CancellationToken cancellationToken) =>
        transactions.RunAsync(memberId, async _ =>
        {
            var hold = await db.Holds.Include(h => h.Allocations).SingleOrDefaultAsync(h => h.HoldId == holdId, cancellationToken);
            var now = calendar.Now;
            if (hold is { Status: HoldStatus.Held } && hold.ExpiresAt <= now)
            {
                hold.MarkExpired(now);
                await GiveBackAsync(hold, LedgerEntryKind.HoldExpired, null, cancellationToken);
            }

            return hold is { Status: HoldStatus.Expired, ExpiryReported: false }
                ? new PointsHoldExpired(hold.RedemptionId, hold.MemberId, hold.HoldId, hold.Points, hold.SettledAt ?? now)
                : null;
        }, cancellationToken);

    /// <summary>Publishes the expiry and marks it reported in one transaction: the outbox stores the event with the mark.</summary>
    public Task ReportExpiryAsync(PointsHoldExpired expired, IPublishEndpoint publish, CancellationToken cancellationToken) =>
        transactions.RunAsync(expired.MemberId, async _ =>
        {
            var hold = await db.Holds.SingleAsync(h => h.HoldId == expired.HoldId, cancellationToken);
            await publish.Publish(expired, cancellationToken);
            hold.MarkExpiryReported();
            return true;
        }, cancellationToken);

    /// <summary>
    /// The saga releases a captured hold only when it gave up on the capture without hearing it answered (the capture
    /// step timed out and the ticket was voided), so the points go back to their lots; a lot that expired meanwhile
    /// keeps them expired. A force-majeure refund already redeposited them, so after one this gives nothing back.
    /// </summary>
    private async Task<PointsReleased> ReverseCaptureAsync(PointsHold hold, string reason, CancellationToken cancellationToken)
    {
        if (await db.Lots.AnyAsync(l => l.RefundOfRedemptionId == hold.RedemptionId, cancellationToken))
        {
            return new PointsReleased(hold.RedemptionId, hold.MemberId, hold.HoldId, 0);
        }

        hold.MarkCaptureReversed(calendar.Now, reason);
        await GiveBackAsync(hold, LedgerEntryKind.CaptureReversed, reason, cancellationToken);
        return new PointsReleased(hold.RedemptionId, hold.MemberId, hold.HoldId, hold.Points);
    }

    private async Task<PointsHold?> FindHoldAsync(Guid redemptionId, Guid memberId, CancellationToken cancellationToken)
    {
        var hold = await db.Holds.Include(h => h.Allocations).SingleOrDefaultAsync(h => h.RedemptionId == redemptionId, cancellationToken);

        // Only the member's own lock protects their lots: a command naming another member finds nothing.
        return hold?.MemberId == memberId ? hold : null;
    }

    /// <summary>
    /// Gives a released, swept or reversed hold back to the lots it came from, each exactly what it gave, and writes the
    /// statement line. Points landing on a lot that expired meanwhile stay expired: they get an Expired line of their
    /// own, and the expiry job reports them with PointsExpired.
    /// </summary>
    private async Task GiveBackAsync(PointsHold hold, LedgerEntryKind kind, string? reason, CancellationToken cancellationToken)
    {
        var now = calendar.Now;
        var expired = new List<LedgerEntry>();
        foreach (var (lot, allocation) in await AllocatedLotsAsync(hold, cancellationToken))
        {
            var points = hold.Status == HoldStatus.CaptureReversed ? lot.ReturnCaptured(allocation.Points) : lot.ReturnHeld(allocation.Points);
            if (points > 0)
            {
                expired.Add(new LedgerEntry(hold.MemberId, now, LedgerEntryKind.Expired, points, lot.LotId, hold.RedemptionId));
            }
        }

        db.Entries.Add(new LedgerEntry(hold.MemberId, now, kind, hold.Points, redemptionId: hold.RedemptionId, note: Truncate(reason)));
        db.Entries.AddRange(expired);
    }

    private async Task<List<(PointsLot Lot, HoldAllocation Allocation)>> AllocatedLotsAsync(PointsHold hold, CancellationToken cancellationToken)
    {
        var ids = hold.Allocations.Select(a => a.LotId).ToList();
        var lots = await db.Lots.Where(l => ids.Contains(l.LotId)).ToDictionaryAsync(l => l.LotId, cancellationToken);
        return hold.Allocations.Select(a => (lots[a.LotId], a)).ToList();
    }

    private PointsReservationRejected Reject(ReservePoints command, string reason, string detail, long available, long frozen, long shortfall)
    {
        var rejection = new ReservationRejection(command.RedemptionId, command.MemberId, reason, detail, command.Points, available, frozen, shortfall, calendar.Now);
        db.ReservationRejections.Add(rejection);
        return Answer(rejection);
    }

    private static PointsReservationRejected Answer(ReservationRejection r) =>
        new(r.RedemptionId, r.MemberId, r.Reason, r.Detail, r.Required, r.Available, r.Frozen, r.Shortfall);

    private static string? Truncate(string? text) => text is { Length: > 200 } ? text[..200] : text;
}
