namespace Changxing.Membership.Activation;

/// <summary>The answer of an identity check; <paramref name="Reason"/> is shown to the member when it failed.</summary>
public sealed record VerificationResult(bool Passed, string? Reason)
{
    public static readonly VerificationResult Pass = new(true, null);

    public static VerificationResult Fail(string reason) => new(false, reason);
}
