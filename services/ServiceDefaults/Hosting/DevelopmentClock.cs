using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Changxing.ServiceDefaults.Hosting;

/// <summary>
/// <c>DevelopmentClock:OffsetDays</c> shifts a service's clock forward, so end-to-end tests can restart a real process
/// "61 days later" to pass the 60-day beneficiary rule without waiting. Honoured in Development only; refused elsewhere.
/// </summary>
public static class DevelopmentClock
{
    public const string OffsetDaysKey = "DevelopmentClock:OffsetDays";

    public static WebApplicationBuilder AddDevelopmentClock(this WebApplicationBuilder builder)
    {
        var offset = builder.Configuration.GetValue<double?>(OffsetDaysKey);
        if (offset is null or 0)
        {
            return builder;
        }

        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{OffsetDaysKey} may only be set in the Development environment.");
        }

        builder.Services.AddSingleton<TimeProvider>(new OffsetTimeProvider(TimeSpan.FromDays(offset.Value)));
        return builder;
    }

    private sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
