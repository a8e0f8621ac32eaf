using Changxing.Ticketing.Redemptions;
using Changxing.Ticketing.Redemptions.Strikes;
using MassTransit;
using MassTransit.Saga;

namespace Changxing.Ticketing.Tests.Redemptions;

/// <summary>The member's last completion as the harness's in-memory redemption saga repository holds it (the service reads its table).</summary>
public sealed class HarnessCompletedRedemptions(IQuerySagaRepository<RedemptionState> query, ILoadSagaRepository<RedemptionState> load) : ICompletedRedemptions
{
    public async Task<DateTimeOffset?> LastCompletedAtAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var ids = await query.Find(new SagaQuery<RedemptionState>(s => s.MemberId == memberId && s.CurrentState == nameof(RedemptionStateMachine.Completed)));
        DateTimeOffset? last = null;
        foreach (var id in ids)
        {
            if (await load.Load(id) is { } completed && (last is null || completed.UpdatedAt > last))
            {
                last = completed.UpdatedAt;
            }
        }

        return last;
    }
}
