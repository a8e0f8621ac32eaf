using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Correlation;
using Changxing.ServiceDefaults.Health;
using Changxing.ServiceDefaults.Logging;
using Changxing.ServiceDefaults.Problems;
using Changxing.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Changxing.ServiceDefaults.Hosting;

public static class ServiceDefaultsExtensions
{
    /// <summary>Logging, telemetry, problem details, authentication, health checks, OpenAPI and the clock: the one line every service calls.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.AddServiceLogging();
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.AddServerHeader = false; // no "Server: Kestrel" to fingerprint
            KestrelRejectionProblems.Use(o); // Kestrel's own empty 400/414/431 become problem documents
        });
        builder.AddDevelopmentClock();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
            ctx.ProblemDetails.Extensions.TryAdd("correlationId", CorrelationId.Current);
            DefaultReasons.Apply(ctx);
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddHealthChecks();
        builder.Services.AddOpenApi(o => o
            .AddOperationTransformer<EndpointAccessOpenApiTransformer>()
            .AddOperationTransformer<ProblemReasonsOpenApiTransformer>());
        builder.AddServiceTelemetry();
        builder.AddServiceAuthentication();
        return builder;
    }

    /// <summary>The middleware and endpoints every service shares: security headers, errors as problem details, auth, health, the OpenAPI document.</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<UnsupportedCharsetMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthEndpoints();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
