namespace Changxing.Web.Account;

/// <summary>The sign-up form (checked by Membership; its problems are shown next to the form).</summary>
public sealed class SignUpInput
{
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Password { get; set; }
}
