using Changxing.TestSupport;

namespace Changxing.Ticketing.Tests.Hosting;

/// <summary>
/// Durations that would make the redemption saga, the step-deadline sweeper or the hold sweeper fire at once or spin
/// stop Ticketing at start-up, with a message naming the configuration key to fix.
/// </summary>
[Trait("Category", TestCategories.Database)]
public sealed class SettingRefusalSpecs(ServiceApiFactory<Program> factory) : IClassFixture<ServiceApiFactory<Program>>
{
    [Theory]
    [InlineData("Redemptions:StepTimeout", "00:00:00")]
    [InlineData("Redemptions:StepTimeout", "-00:00:05")]
    [InlineData("Redemptions:MaxResends", "-1")]
    [InlineData("Redemptions:CompensationRetryInterval", "00:00:00")]
    [InlineData("Redemptions:StuckAfter", "00:00:00")]
    [InlineData("StepDeadlines:SweepInterval", "00:00:00")]
    [InlineData("StepDeadlines:ResignalAfter", "-00:01:00")]
    [InlineData("StepDeadlines:BatchSize", "0")]
    [InlineData("Ticketing:HoldDuration", "00:00:00")]
    [InlineData("Ticketing:SweepInterval", "00:00:00")]
    [InlineData("Ticketing:RunDaysAhead", "0")]
    [InlineData("Ticketing:CalendarInterval", "00:00:00")]
    public void Should_refuse_to_start_with_a_duration_or_count_that_cannot_work_naming_the_key(string key, string value)
    {
        var refusal = StartupRefusal.OptionsMessage(factory, key, value);

        Assert.Contains(key, refusal, StringComparison.Ordinal);
    }
}
