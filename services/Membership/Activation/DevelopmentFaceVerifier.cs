namespace Changxing.Membership.Activation;

/// <summary>
/// Deterministic stand-in for a face-verification provider: a sample of at least 1 KiB "shows a face"; a shorter one
/// is refused. No biometric judgement is made: never use it in Production.
/// </summary>
public sealed class DevelopmentFaceVerifier : IFaceVerifier
{
    public const int MinimumSampleBytes = 1024;

    public Task<VerificationResult> VerifyAsync(string idNumber, Stream sample, long length, CancellationToken cancellationToken) =>
        Task.FromResult(length >= MinimumSampleBytes
            ? VerificationResult.Pass
            : VerificationResult.Fail("No face could be found in the sample (未检测到人脸)."));
}
