namespace Changxing.Membership.Activation;

/// <summary>
/// Deterministic stand-in for the identity register: every well-formed number is known and belongs to any name
/// made of CJK characters (optionally with the middle dot of minority names) or Latin letters and spaces.
/// </summary>
public sealed class DevelopmentRealNameVerifier : IRealNameVerifier
{
    public Task<VerificationResult> VerifyAsync(string name, string idNumber, CancellationToken cancellationToken) =>
        Task.FromResult(name.Length >= 2 && name.All(c => char.IsLetter(c) || c is '·' or ' ')
            ? VerificationResult.Pass
            : VerificationResult.Fail("The name does not match the identity register (姓名与身份证号不匹配)."));
}
