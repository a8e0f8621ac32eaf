namespace Changxing.Web.Account;

/// <summary>The sign-in form of members (phone) and staff (user name).</summary>
public sealed class SignInInput
{
    public string? Login { get; set; }
    public string? Password { get; set; }
}
