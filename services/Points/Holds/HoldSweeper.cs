using Changxing.Points.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Points.Holds;

/// <summary>
/// The last safety net: releases holds neither captured nor released within <see cref="PointsOptions.HoldTimeout"/>
/// and reports each with PointsHoldExpired, stored by the outbox in the transaction that marks it reported.
/// </summary>
public sealed class HoldSweeper(IServiceScopeFactory scopes, TimeProvider clock)
{
    private const int BatchSize = 200;

    /// <summary>One sweep; returns how many holds were reported.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var reported = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PointsDbContext>();
            var book = scope.ServiceProvider.GetRequiredService<HoldBook>();
            var publish = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
            var now = clock.GetUtcNow();
            var due = await db.Holds.AsNoTracking()
                .Where(h => (h.Status == HoldStatus.Held && h.ExpiresAt <= now) || (h.Status == HoldStatus.Expired && !h.ExpiryReported))
                .OrderBy(h => h.HoldId)
                .Select(h => new { h.HoldId, h.MemberId })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);

            var progressed = false;
            foreach (var hold in due)
            {
                var expired = await book.ExpireOverdueAsync(hold.HoldId, hold.MemberId, cancellationToken);
                if (expired is null)
                {
                    continue;
                }

                await book.ReportExpiryAsync(expired, publish, cancellationToken);
                reported++;
                progressed = true;
            }

            if (due.Count < BatchSize || !progressed)
            {
                return reported;
            }
        }
    }
}
