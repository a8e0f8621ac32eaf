using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Changxing.ServiceDefaults.Auth;

/// <summary>Chooses the signing key: configured, or the development default outside Production; never the default in Production.</summary>
public static class SigningKeyPolicy
{
    public const int MinimumKeyBytes = 32;

    public static SymmetricSecurityKey Resolve(JwtOptions options, IHostEnvironment environment)
    {
        var key = options.SigningKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException("Auth:SigningKey must be set in Production (Auth__SigningKey, at least 32 bytes).");
            }

            key = JwtOptions.DevelopmentSigningKey;
        }
        else if (environment.IsProduction() && key == JwtOptions.DevelopmentSigningKey)
        {
            throw new InvalidOperationException("The development signing key is refused in Production.");
        }

        var bytes = Encoding.UTF8.GetBytes(key);
        if (bytes.Length < MinimumKeyBytes)
        {
            throw new InvalidOperationException($"Auth:SigningKey must be at least {MinimumKeyBytes} bytes.");
        }

        return new SymmetricSecurityKey(bytes);
    }
}
