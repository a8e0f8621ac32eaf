namespace Changxing.Contracts.Membership;

/// <summary>A member passed real-name, face verification and review: they may now earn and spend points.</summary>
public sealed record MemberActivated(Guid MemberId, string DisplayName, DateOnly BirthDate, DateTimeOffset ActivatedAt);
