using Changxing.Contracts.Points;
using Changxing.Points.Data;
using Changxing.Points.Ledger;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Changxing.Points.Expiry;

/// <summary>
/// The daily job: expires lots on their expiry day (what remains moves to expired) and tells the member. A lot gets
/// one PointsExpiringSoon when it is in its expiring-soon window with points left (late, on the first run after a
/// pause, as long as the lot has not expired yet; an expired lot gets only PointsExpired). Every expired point is
/// reported once: PointsExpired carries the lot's expired points not reported yet, so points held on the expiry day
/// and given back afterwards (they stay expired) are reported on the next run. A report is recorded only after its
/// event was published, so a crash in between re-sends rather than loses it.
/// </summary>
public sealed class LotExpiry(IServiceScopeFactory scopes, IOptions<PointsOptions> options)
{
    private const int BatchSize = 500;

    public async Task<LotExpiryReport> RunOnceAsync(CancellationToken cancellationToken)
    {
        int soon = 0, expired = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<PointsDbContext>();
            var calendar = services.GetRequiredService<BusinessCalendar>();
            var transactions = services.GetRequiredService<MemberTransactions>();
            var publish = services.GetRequiredService<IPublishEndpoint>();
            var today = calendar.Today;
            var windowEnd = today.AddDays(options.Value.ExpiringSoonDays);

            var due = await db.Lots.AsNoTracking()
                .Where(l => (l.ExpiresOn <= today && (l.ExpiredAt == null || l.Expired > l.ExpiredReported))
                    || (l.ExpiresOn > today && l.ExpiresOn <= windowEnd && !l.ExpiringSoonReported && l.Remaining > 0))
                .OrderBy(l => l.LotId)
                .Select(l => new { l.LotId, l.MemberId })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return new LotExpiryReport(soon, expired);
            }

            foreach (var member in due.GroupBy(l => l.MemberId))
            {
                var lotIds = member.Select(l => l.LotId).ToList();
                var events = await transactions.RunAsync(member.Key, async _ =>
                {
                    var now = calendar.Now;
                    var outgoing = new List<object>();
                    foreach (var lot in await db.Lots.Where(l => lotIds.Contains(l.LotId)).ToListAsync(cancellationToken))
                    {
                        if (today >= lot.ExpiresOn)
                        {
                            var points = lot.Expire(now);
                            if (points > 0)
                            {
                                db.Entries.Add(new LedgerEntry(lot.MemberId, now, LedgerEntryKind.Expired, points, lot.LotId));
                            }

                            // Nothing to tell when the lot was spent (or fully held) on its expiry day.
                            if (lot.UnreportedExpired > 0)
                            {
                                outgoing.Add(new PointsExpired(lot.MemberId, lot.LotId, lot.UnreportedExpired, lot.ExpiresOn));
                            }
                        }
                        else if (lot.Remaining > 0 && !lot.ExpiringSoonReported)
                        {
                            outgoing.Add(new PointsExpiringSoon(lot.MemberId, lot.LotId, lot.Remaining, lot.ExpiresOn));
                        }
                    }

                    return outgoing;
                }, cancellationToken);

                // Each event is stored (the outbox) in the transaction that marks it reported.
                await transactions.RunAsync(member.Key, async _ =>
                {
                    foreach (var message in events)
                    {
                        await publish.Publish(message, cancellationToken);
                        switch (message)
                        {
                            case PointsExpired e:
                                (await db.Lots.SingleAsync(l => l.LotId == e.LotId, cancellationToken)).MarkExpiredReported(e.Points);
                                expired++;
                                break;
                            case PointsExpiringSoon e:
                                (await db.Lots.SingleAsync(l => l.LotId == e.LotId, cancellationToken)).MarkExpiringSoonReported();
                                soon++;
                                break;
                        }
                    }

                    return true;
                }, cancellationToken);
            }
        }
    }
}
