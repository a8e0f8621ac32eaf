using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Changxing.ServiceDefaults.Auth;

public static class AuthRegistration
{
    /// <summary>JWT bearer validation (issuer, audience, lifetime, signature) and one policy per staff role.</summary>
    public static WebApplicationBuilder AddServiceAuthentication(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(JwtOptions.Section);
        builder.Services.Configure<JwtOptions>(section);
        var jwt = section.Get<JwtOptions>() ?? new JwtOptions();
        var key = SigningKeyPolicy.Resolve(jwt, builder.Environment);
        builder.Services.AddSingleton(key);
        builder.Services.AddSingleton<TokenIssuer>();

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    IssuerSigningKey = key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "name",
                    RoleClaimType = "role",
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Reviewer, p => p.RequireRole(Roles.Reviewer))
            .AddPolicy(Roles.Support, p => p.RequireRole(Roles.Support))
            .AddPolicy(Roles.Operator, p => p.RequireRole(Roles.Operator));
        return builder;
    }
}
