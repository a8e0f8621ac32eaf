using Changxing.ServiceDefaults.Auth;

namespace Changxing.Membership.Staff;

/// <summary>The roles a staff account may hold; a staff token carries <c>member</c> and this role.</summary>
public static class StaffRoles
{
    public static readonly IReadOnlyList<string> All = [Roles.Reviewer, Roles.Support, Roles.Operator];

    public static bool IsStaffRole(string? role) => role is not null && All.Contains(role);
}
