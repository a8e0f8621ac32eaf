using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Changxing.ServiceDefaults.Auth;

/// <summary>Signs access tokens. Membership issues them at sign-in; tests mint them the same way.</summary>
public sealed class TokenIssuer(IOptions<JwtOptions> options, SymmetricSecurityKey key, TimeProvider clock)
{
    public IssuedToken Issue(Guid subject, string name, IEnumerable<string> roles)
    {
        var jwt = options.Value;
        var now = clock.GetUtcNow();
        var expires = now.Add(jwt.TokenLifetime);
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, subject.ToString()),
            new(JwtRegisteredClaimNames.Name, name),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(roles.Select(r => new Claim("role", r)));

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new IssuedToken(new JsonWebTokenHandler().CreateToken(descriptor), expires);
    }
}

public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);
