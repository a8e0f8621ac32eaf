namespace Changxing.Web.Session;

/// <summary>Claims of the session cookie: who signed in, with which roles, and the API token (kept server-side only).</summary>
public static class SessionClaims
{
    public const string AccessToken = "changxing:access_token";
    public const string SubjectId = "changxing:subject_id";
    public const string DisplayName = "changxing:display_name";
}
