namespace Changxing.Web.Session;

/// <summary>The answer of both sign-in endpoints (members and staff).</summary>
public sealed record SignedIn(Guid SubjectId, string AccessToken, DateTimeOffset ExpiresAt, IReadOnlyList<string> Roles);
