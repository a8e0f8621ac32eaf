namespace Changxing.Web.ConsumptionPassword;

/// <summary>Setting the consumption password, or changing it with the login password.</summary>
public sealed class ConsumptionPasswordInput
{
    public string? LoginPassword { get; set; }
    public string? NewPassword { get; set; }
}
