namespace Changxing.Membership.Staff;

/// <summary>One configured staff account. Passwords starting with <see cref="DevelopmentPrefix"/> are development defaults, refused in Production.</summary>
public sealed class StaffSeed
{
    public const string DevelopmentPrefix = "dev-only-";

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public string Role { get; set; } = "";
}
