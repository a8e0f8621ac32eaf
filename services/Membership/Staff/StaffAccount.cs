namespace Changxing.Membership.Staff;

/// <summary>A reviewer, support agent or operator. Signs in with a user name; the token carries the staff role.</summary>
public sealed class StaffAccount
{
    public Guid Id { get; set; }

    public string UserName { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public string Role { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
