namespace Changxing.Membership.Activation;

/// <summary>
/// Face verification (人脸识别): does the live sample show the person the ID number belongs to? Production plugs
/// in the certified identity-verification provider; development and tests use <see cref="DevelopmentFaceVerifier"/>.
/// </summary>
public interface IFaceVerifier
{
    Task<VerificationResult> VerifyAsync(string idNumber, Stream sample, long length, CancellationToken cancellationToken);
}
