namespace Changxing.Web.Activation;

/// <summary>Real-name verification (实名认证): the name and ID number given at sign-up, again.</summary>
public sealed class RealNameInput
{
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
}
