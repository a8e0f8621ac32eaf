using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Changxing.Web.Session;

/// <summary>
/// The caller's session as a page sees it, in a static render (from the request) or in an interactive circuit (from the
/// user the circuit was opened with). The token is read here for the API calls and nowhere rendered.
/// </summary>
public sealed class SessionToken(AuthenticationStateProvider authentication)
{
    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<string?> AccessTokenAsync() => (await UserAsync()).FindFirst(SessionClaims.AccessToken)?.Value;

    public async Task<Guid?> SubjectIdAsync() =>
        Guid.TryParse((await UserAsync()).FindFirst(SessionClaims.SubjectId)?.Value, out var id) ? id : null;
}
