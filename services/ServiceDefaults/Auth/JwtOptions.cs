namespace Changxing.ServiceDefaults.Auth;

/// <summary>Configuration section <c>Auth</c>: one HS256 key shared by the issuer (Membership) and every validator.</summary>
public sealed class JwtOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// DEVELOPMENT DEFAULT ONLY, for the embedded mode. Refused when the environment is Production:
    /// set <c>Auth__SigningKey</c> (at least 32 bytes) there.
    /// </summary>
    public const string DevelopmentSigningKey = "changxing-development-signing-key-not-for-production-use";

    public string Issuer { get; set; } = "changxing";
    public string Audience { get; set; } = "changxing-api";
    public string? SigningKey { get; set; }
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(2);
}
