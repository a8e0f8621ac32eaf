using Changxing.Ticketing.Data;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Redemptions.Strikes;

/// <summary>
/// Reads the member's last completion from the redemptions table, which the strike counter shares (both are
/// Ticketing's): a completed redemption's row does not change after it completes, so its <c>UpdatedAt</c> is when.
/// </summary>
public sealed class StoredCompletedRedemptions(TicketingDbContext db) : ICompletedRedemptions
{
    public Task<DateTimeOffset?> LastCompletedAtAsync(Guid memberId, CancellationToken cancellationToken) =>
        db.Set<RedemptionState>().AsNoTracking()
            .Where(r => r.MemberId == memberId && r.CurrentState == nameof(RedemptionStateMachine.Completed))
            .OrderByDescending(r => r.UpdatedAt)
            .Select(r => (DateTimeOffset?)r.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
}
