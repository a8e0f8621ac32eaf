using System.Security.Claims;

namespace Changxing.ServiceDefaults.Auth;

/// <summary>Who is calling, read from the validated token.</summary>
public static class CallerIdentity
{
    /// <summary>The caller's member id (the token's subject). Endpoints that require authorisation always have one.</summary>
    public static Guid MemberId(this ClaimsPrincipal user)
    {
        var subject = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub");
        return Guid.TryParse(subject, out var id)
            ? id
            : throw new InvalidOperationException("The caller's token has no member id; the endpoint must require authorisation.");
    }

    public static bool IsStaff(this ClaimsPrincipal user, string role) => user.IsInRole(role);
}
