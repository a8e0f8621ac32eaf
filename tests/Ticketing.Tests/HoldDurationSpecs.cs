using Changxing.TestSupport;
using Changxing.Ticketing.Inventory;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

public sealed class TenMinuteHoldTestHost : TicketingTestHost
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Ticketing:HoldDuration", "00:10:00")];
}

/// <summary><c>Ticketing:HoldDuration</c> set to 10 minutes instead of the default 30.</summary>
[Trait("Category", TestCategories.Database)]
public class HoldDurationSpecs(TenMinuteHoldTestHost host) : IClassFixture<TenMinuteHoldTestHost>
{
    [Fact]
    public async Task Should_expire_a_hold_after_the_configured_hold_duration()
    {
        var day = new DateOnly(2026, 3, 24);
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9411", "VNP JGK NKH AOH", rows: 1, letters: "A"));
        await host.AddAllotmentAsync("G9411", day, "Second", quota: 1);
        var sweeper = host.Services.GetRequiredService<HoldExpiryJob>();

        var hold = await host.InScopeAsync(sp => sp.GetRequiredService<SeatInventory>().HoldAsync(
            new HoldRequest(Guid.NewGuid(), Guid.NewGuid(), "G9411", day, "VNP", "AOH", "Second", "d1"), default));
        host.Clock.Advance(TimeSpan.FromMinutes(9));
        var notYet = await sweeper.RunOnceAsync(default);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await sweeper.RunOnceAsync(default);

        Assert.Equal(TicketingTestHost.Start.AddMinutes(10), hold.Value!.ExpiresAt);
        Assert.Equal((0, 1), (notYet, expired));
    }
}
