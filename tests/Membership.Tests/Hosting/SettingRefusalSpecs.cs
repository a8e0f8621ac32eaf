using Changxing.Membership.Tests.Support;
using Changxing.TestSupport;

namespace Changxing.Membership.Tests.Hosting;

/// <summary>
/// The notification stream's keep-alive must come before the gateway's 30 s activity time-out cuts an idle stream,
/// and must not be zero: any other value stops Membership at start-up, naming the key.
/// </summary>
[Trait("Category", TestCategories.Database)]
public sealed class SettingRefusalSpecs(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>
{
    [Theory]
    [InlineData("00:00:30")]
    [InlineData("00:01:00")]
    [InlineData("00:00:00")]
    [InlineData("-00:00:15")]
    public void Should_refuse_to_start_with_a_stream_heartbeat_the_gateway_would_cut_or_that_never_waits(string heartbeat)
    {
        var refusal = StartupRefusal.OptionsMessage(factory, "Notifications:StreamHeartbeat", heartbeat);

        Assert.Contains("Notifications:StreamHeartbeat", refusal, StringComparison.Ordinal);
    }
}
