namespace Changxing.Membership.Staff;

/// <summary>A reviewer, support agent or operator. Signs in with a user name; the token carries the staff role.</summary>
public sealed class StaffAccount
{
    public const int MaxUserNameLength = 50;

    public Guid Id { get; set; }

    /// <summary>Stored in lower case (<see cref="NormaliseUserName"/>), so the unique index makes names unique whatever their case.</summary>
    public string UserName { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public string Role { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>"Agent-Li" and "agent-li" are one account: trimmed and lower-cased, or null when blank or too long.</summary>
    public static string? NormaliseUserName(string? typed) =>
        typed?.Trim().ToLowerInvariant() is { Length: > 0 and <= MaxUserNameLength } normal ? normal : null;
}
