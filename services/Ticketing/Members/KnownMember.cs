namespace Changxing.Ticketing.Members;

/// <summary>
/// A member Ticketing has heard is active (from MemberActivated): the only members a window sale may name. Ticketing
/// keeps no more of the member than the id and when it heard of it.
/// </summary>
public sealed class KnownMember
{
    public required Guid MemberId { get; init; }

    public required DateTimeOffset ActivatedAt { get; init; }
}
