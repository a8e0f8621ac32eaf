using Changxing.Contracts.Points;
using Changxing.Points.Data;
using Changxing.Points.Ledger;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Changxing.Points.Expiry;

/// <summary>
/// The daily job: expires lots on their expiry day (what remains moves to expired) and tells the member once per lot,
/// with PointsExpiringSoon when a lot enters its expiring-soon window and PointsExpired when it expires. A lot is
/// marked reported only after its event was published, so a crash in between re-sends rather than loses it.
/// </summary>
public sealed class LotExpiryJob(IServiceScopeFactory scopes, IOptions<PointsOptions> options)
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
                .Where(l => (l.ExpiresOn <= today && !l.ExpiryReported)
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

                            if (lot.Expired > 0)
                            {
                                outgoing.Add(new PointsExpired(lot.MemberId, lot.LotId, lot.Expired, lot.ExpiresOn));
                            }
                            else
                            {
                                // Fully spent before its expiry day: nothing to tell.
                                lot.MarkExpiryReported();
                            }
                        }
                        else if (lot.Remaining > 0 && !lot.ExpiringSoonReported)
                        {
                            outgoing.Add(new PointsExpiringSoon(lot.MemberId, lot.LotId, lot.Remaining, lot.ExpiresOn));
                        }
                    }

                    return outgoing;
                }, cancellationToken);

                foreach (var message in events)
                {
                    await publish.Publish(message, cancellationToken);
                }

                await transactions.RunAsync(member.Key, async _ =>
                {
                    foreach (var message in events)
                    {
                        switch (message)
                        {
                            case PointsExpired e:
                                (await db.Lots.SingleAsync(l => l.LotId == e.LotId, cancellationToken)).MarkExpiryReported();
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
