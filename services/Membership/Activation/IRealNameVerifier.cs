namespace Changxing.Membership.Activation;

/// <summary>
/// Real-name verification (实名认证): do this name and ID number belong together in the national identity register?
/// Production plugs in the register's service; development uses <see cref="DevelopmentRealNameVerifier"/>.
/// </summary>
public interface IRealNameVerifier
{
    Task<VerificationResult> VerifyAsync(string name, string idNumber, CancellationToken cancellationToken);
}
