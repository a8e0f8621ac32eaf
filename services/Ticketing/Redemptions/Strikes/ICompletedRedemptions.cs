namespace Changxing.Ticketing.Redemptions.Strikes;

/// <summary>When a member's last redemption completed: a completed redemption ends a run of failed payments.</summary>
public interface ICompletedRedemptions
{
    Task<DateTimeOffset?> LastCompletedAtAsync(Guid memberId, CancellationToken cancellationToken);
}
