using Changxing.Web.Gateway;
using Changxing.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Changxing.Web.Account;

/// <summary>Signs a member or a staff member in at the API and starts the cookie session with the token it answers.</summary>
public sealed class SessionStarter(GatewayApi api, IHttpContextAccessor httpContext, NavigationManager navigation)
{
    public async Task<ApiProblem?> SignInMemberAsync(string? phone, string? password, string? returnUrl) =>
        await StartAsync("/api/membership/accounts/sign-in", new { phone = phone?.Trim(), password }, phone ?? string.Empty, returnUrl ?? "/points");

    public async Task<ApiProblem?> SignInStaffAsync(string? userName, string? password, string? returnUrl) =>
        await StartAsync("/api/membership/staff/sign-in", new { userName = userName?.Trim(), password }, userName ?? string.Empty, returnUrl ?? "/staff");

    private async Task<ApiProblem?> StartAsync(string path, object body, string displayName, string returnUrl)
    {
        var signedIn = await api.PostAsync<SignedIn>(path, body);
        if (!signedIn.Succeeded)
        {
            return signedIn.Problem;
        }

        await SessionCookie.SignInAsync(httpContext.HttpContext!, signedIn.Value, displayName);
        navigation.NavigateTo(SignInRedirect.IsLocal(returnUrl) ? returnUrl : "/");
        return null;
    }
}
