using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Changxing.ServiceDefaults.Logging;

public static class LoggingRegistration
{
    /// <summary>
    /// Console logs with scopes (the correlation id travels in one) and UTC timestamps: single-line text by default,
    /// JSON for a log collector with <c>Logging:Console:FormatterName=json</c> (ASP.NET Core's own key).
    /// </summary>
    public static WebApplicationBuilder AddServiceLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.AddConsole();
        // AddSimpleConsole would pin the formatter over the configuration; only choose it when nothing else is configured.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName ??= ConsoleFormatterNames.Simple);
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.SingleLine = true;
            o.IncludeScopes = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
        });
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            o.UseUtcTimestamp = true;
        });
        return builder;
    }
}
