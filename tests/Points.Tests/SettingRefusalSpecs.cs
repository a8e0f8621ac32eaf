using Changxing.TestSupport;

namespace Changxing.Points.Tests;

/// <summary>A hold time-out or job interval of zero (or an expiring-soon window below zero) stops Points at start-up, naming the key.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class SettingRefusalSpecs(ServiceApiFactory<Program> factory) : IClassFixture<ServiceApiFactory<Program>>
{
    [Theory]
    [InlineData("Points:HoldTimeout", "00:00:00")]
    [InlineData("Points:ExpiringSoonDays", "-1")]
    [InlineData("Points:ExpiryJobInterval", "00:00:00")]
    [InlineData("Points:HoldSweepInterval", "-00:01:00")]
    public void Should_refuse_to_start_with_a_setting_that_cannot_work_naming_the_key(string key, string value)
    {
        var refusal = StartupRefusal.OptionsMessage(factory, key, value);

        Assert.Contains(key, refusal, StringComparison.Ordinal);
    }
}
