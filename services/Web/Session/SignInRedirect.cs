using Microsoft.AspNetCore.WebUtilities;

namespace Changxing.Web.Session;

/// <summary>
/// Where a user is sent to sign in: the staff sign-in for staff pages, the member sign-in otherwise, with the page they
/// were on to come back to and, when their session ran out, a flag that makes the page say so.
/// </summary>
public static class SignInRedirect
{
    public const string MemberSignIn = "/signin";
    public const string StaffSignIn = "/staff/signin";

    public static string For(string? returnUrl, bool expired)
    {
        var back = IsLocal(returnUrl) ? returnUrl! : "/";
        var page = back.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) ? StaffSignIn : MemberSignIn;
        var query = new Dictionary<string, string?>();
        if (expired)
        {
            query["expired"] = "true";
        }

        if (back != "/")
        {
            query["returnUrl"] = back;
        }

        return QueryHelpers.AddQueryString(page, query);
    }

    /// <summary>A path on this site: never another site's address (<c>//evil</c>, <c>/\evil</c>, <c>https://...</c>).</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
