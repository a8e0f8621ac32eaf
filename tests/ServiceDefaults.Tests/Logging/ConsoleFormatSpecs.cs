using System.Text.Json;
using Changxing.ServiceDefaults.Correlation;
using Changxing.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Changxing.ServiceDefaults.Tests.Logging;

/// <summary>Single-line text on a terminal; JSON for a log collector when Logging:Console:FormatterName says so.</summary>
public sealed class ConsoleFormatSpecs
{
    [Theory]
    [InlineData(null, "simple")]
    [InlineData("json", "json")]
    [InlineData("systemd", "systemd")]
    public async Task Should_write_console_logs_in_the_configured_format(string? configured, string expected)
    {
        await using var app = BuildService(configured);

        Assert.Equal(expected, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    [Fact]
    public async Task Should_write_each_JSON_line_with_its_correlation_id_and_a_UTC_timestamp()
    {
        await using var app = BuildService("json");
        var formatter = app.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
        var scopes = new LoggerExternalScopeProvider();
        using var writer = new StringWriter();

        using (scopes.Push(new CorrelationLogScope("gate-42")))
        {
            formatter.Write(new LogEntry<string>(LogLevel.Information, "Points", new EventId(7), "credited 300", null, (s, _) => s), scopes, writer);
        }

        using var line = JsonDocument.Parse(writer.ToString());
        Assert.Equal("credited 300", line.RootElement.GetProperty("Message").GetString());
        Assert.Contains(line.RootElement.GetProperty("Scopes").EnumerateArray(), s => s.TryGetProperty("CorrelationId", out var id) && id.GetString() == "gate-42");
        Assert.EndsWith("Z", line.RootElement.GetProperty("Timestamp").GetString(), StringComparison.Ordinal);
    }

    private static WebApplication BuildService(string? formatterName)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["Logging:Console:FormatterName"] = formatterName;
        builder.AddServiceDefaults();
        return builder.Build();
    }
}
