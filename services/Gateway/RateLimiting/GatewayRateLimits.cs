using System.Globalization;
using System.Threading.RateLimiting;
using Changxing.Contracts;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.RateLimiting;

namespace Changxing.Gateway.RateLimiting;

/// <summary>
/// Rate limit policies that routes name in configuration (<c>RateLimiterPolicy</c>). A refused call answers
/// 429 with <c>Retry-After</c> and a problem document.
/// </summary>
public static class GatewayRateLimits
{
    public const string PerCaller = "per-caller";
    public const string SignIn = "sign-in";
    public const string Payment = "payment";
    public const string Redemption = "redemption";

    public static WebApplicationBuilder AddGatewayRateLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(PerCaller, ctx => Window(ctx, PerCaller, CallerKey(ctx), limits.PerCaller));
            o.AddPolicy(SignIn, ctx => Window(ctx, SignIn, ClientAddress(ctx), limits.SignIn));
            o.AddPolicy(Payment, ctx => Window(ctx, Payment, CallerKey(ctx), limits.Payment));
            o.AddPolicy(Redemption, ctx => Window(ctx, Redemption, CallerKey(ctx), limits.Redemption));
            o.OnRejected = OnRejected;
        });
        return builder;
    }

    private static RateLimitPartition<string> Window(HttpContext _, string policy, string key, WindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(policy + ":" + key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });

    /// <summary>The member when the token was valid, otherwise the client address.</summary>
    private static string CallerKey(HttpContext context) =>
        context.User.FindFirst("sub")?.Value is { } member ? "member:" + member : ClientAddress(context);

    private static string ClientAddress(HttpContext context) => "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static async ValueTask OnRejected(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = ProblemResults.Problem(
            StatusCodes.Status429TooManyRequests,
            ReasonCodes.RateLimited,
            $"Too many requests; try again in {seconds} s.",
            new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
        await problem.ExecuteAsync(http);
    }
}
