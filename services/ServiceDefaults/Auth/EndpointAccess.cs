using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Changxing.ServiceDefaults.Auth;

/// <summary>
/// Who may call an endpoint, read from its metadata: public (anonymous allowed) or a token, and which roles it demands.
/// One reading shared by the OpenAPI documents (<c>x-access</c>, <c>x-roles</c>) and the generated security tests.
/// The role policies are named after their role (<see cref="Roles"/>), so a policy name is a role.
/// </summary>
public sealed record EndpointAccess(bool IsPublic, IReadOnlySet<string> Roles)
{
    private static readonly HashSet<string> RolePolicies =
        [Auth.Roles.Member, Auth.Roles.Reviewer, Auth.Roles.Support, Auth.Roles.Operator];

    /// <summary>True when only staff of the listed roles may call it (a member's token is refused with 403).</summary>
    public bool IsStaffOnly => Roles.Count > 0 && !Roles.Contains(Auth.Roles.Member);

    public static EndpointAccess Of(IReadOnlyList<object> metadata)
    {
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var data in metadata.OfType<IAuthorizeData>())
        {
            if (data.Policy is { } policy && RolePolicies.Contains(policy))
            {
                roles.Add(policy);
            }

            foreach (var role in data.Roles?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [])
            {
                roles.Add(role);
            }
        }

        foreach (var policy in metadata.OfType<AuthorizationPolicy>())
        {
            foreach (var requirement in policy.Requirements.OfType<RolesAuthorizationRequirement>())
            {
                roles.UnionWith(requirement.AllowedRoles);
            }
        }

        // AllowAnonymous wins over RequireAuthorization wherever it sits, as in the authorization middleware.
        return new EndpointAccess(metadata.OfType<IAllowAnonymous>().Any(), roles);
    }
}
