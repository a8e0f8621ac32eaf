namespace Changxing.Points.Accrual;

/// <summary>
/// A trip for a member the directory does not know yet. Thrown so the bus retries: MemberActivated may still be on
/// its way (the two arrive on different queues). Exhausted retries leave the message in the error queue.
/// </summary>
public sealed class UnknownMemberException(Guid memberId)
    : InvalidOperationException($"Member {memberId} is not in the points directory (no MemberActivated received).")
{
    public Guid MemberId { get; } = memberId;
}
