using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Changxing.ServiceDefaults.Correlation;

/// <summary>Accepts or creates the request's correlation id, echoes it, forwards it, and scopes every log line with it.</summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[CorrelationId.HeaderName].ToString();
        var id = CorrelationId.IsAcceptable(incoming) ? incoming : CorrelationId.New();

        // Rewritten on the request too, so the gateway forwards the id it settled on.
        context.Request.Headers[CorrelationId.HeaderName] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationId.HeaderName] = id;
            return Task.CompletedTask;
        });

        CorrelationId.Current = id;
        using (logger.BeginScope(new CorrelationLogScope(id)))
        {
            await next(context);
        }
    }
}
