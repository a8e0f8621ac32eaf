namespace Changxing.Membership.Activation;

/// <summary>The outcome of real-name or face verification.</summary>
public enum CheckStatus
{
    NotSubmitted,
    Passed,
    Failed,
}
