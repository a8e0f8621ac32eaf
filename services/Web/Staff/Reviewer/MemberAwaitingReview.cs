namespace Changxing.Web.Staff.Reviewer;

/// <summary>
/// A member whose real-name and face checks passed, waiting for a reviewer (<c>GET /api/membership/reviews/members</c>);
/// <see cref="FaceVideo"/> is null when no face video was kept (members activated before videos were kept).
/// </summary>
public sealed record MemberAwaitingReview(
    Guid MemberId, string Name, string IdNumberMasked, DateOnly BirthDate, string RealName, string Face, string Review, DateTimeOffset RegisteredAt, string? FaceVideo);
