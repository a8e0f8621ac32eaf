namespace Changxing.ServiceDefaults.Auth;

/// <summary>The roles a token can carry. Every signed-in person is a member; staff carry one more role.</summary>
public static class Roles
{
    public const string Member = "member";
    public const string Reviewer = "reviewer";
    public const string Support = "support";
    public const string Operator = "operator";
}
