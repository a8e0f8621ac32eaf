namespace Changxing.Web.Session;

/// <summary>The roles the tokens carry (Membership issues them; staff tokens carry <c>member</c> too).</summary>
public static class StaffRoles
{
    public const string Reviewer = "reviewer";
    public const string Support = "support";
    public const string Operator = "operator";

    public static readonly string[] All = [Reviewer, Support, Operator];
}
