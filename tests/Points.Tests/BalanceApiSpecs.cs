using System.Net;
using System.Net.Http.Json;
using Changxing.Contracts;
using Changxing.Contracts.Points;
using Changxing.Points.Expiry;
using Changxing.Points.Holds;
using Changxing.Points.Ledger;
using Changxing.Points.Refunds;
using Changxing.ServiceDefaults.Auth;
using Changxing.TestSupport;

namespace Changxing.Points.Tests;

[Trait("Category", TestCategories.Database)]
public sealed class BalanceApiSpecs(PointsApiFactory factory) : IClassFixture<PointsApiFactory>
{
    [Fact]
    public async Task Should_show_a_member_only_their_own_balance()
    {
        var alice = await factory.ActivateMemberAsync();
        var bob = await factory.ActivateMemberAsync();
        await factory.CreditAsync(bob, 500);
        var asAlice = factory.CreateClientFor(alice);

        await (await asAlice.GetAsync($"/api/points/members/{bob}/balance")).ProblemAsync(HttpStatusCode.NotFound, ReasonCodes.NotFound);
        await (await asAlice.GetAsync($"/api/points/members/{bob}/statement")).ProblemAsync(HttpStatusCode.NotFound, ReasonCodes.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await asAlice.GetAsync($"/api/points/members/{alice}/balance")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/points/me/balance")).StatusCode);
    }

    [Fact]
    public async Task Should_let_an_operator_view_any_members_balance()
    {
        var member = await factory.ActivateMemberAsync();
        await factory.CreditAsync(member, 700);

        var balance = await factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Operator)
            .GetFromJsonAsync<PointsBalance>($"/api/points/members/{member}/balance");

        Assert.Equal(700, balance!.Available);
    }

    [Fact]
    public async Task Should_page_the_statement_newest_first()
    {
        var member = await factory.ActivateMemberAsync();
        await factory.CreditAsync(member, 6_000);
        await factory.CreditAsync(member, 4_000);
        await factory.CreditAsync(member, 1_000);
        var reserved = await factory.InScopeAsync<HoldBook, object>(b => b.ReserveAsync(new ReservePoints(Guid.NewGuid(), member, 2_500), CancellationToken.None));
        Assert.IsType<PointsReserved>(reserved);
        var client = factory.CreateClientFor(member);

        var first = await client.GetFromJsonAsync<StatementPage>("/api/points/me/statement?page=1&pageSize=3");
        var second = await client.GetFromJsonAsync<StatementPage>("/api/points/me/statement?page=2&pageSize=3");

        Assert.Equal(4, first!.TotalCount);
        Assert.Equal(["Held", "Credited", "Credited"], first.Items.Select(i => i.Kind));
        Assert.Equal(2_500, first.Items[0].Points);
        var last = Assert.Single(second!.Items);
        Assert.Equal(6_000, last.Points);
        await (await client.GetAsync("/api/points/me/statement?pageSize=1000")).ProblemAsync(HttpStatusCode.BadRequest, ReasonCodes.InvalidRequest);
    }

    [Fact]
    public async Task Should_list_every_kind_of_ledger_entry_in_the_statement_newest_first()
    {
        var member = await factory.ActivateMemberAsync();
        var lot = await factory.CreditAsync(member, 10_000);
        var expiresOn = factory.Today.AddMonths(12);
        var (captured, released, forgotten, reversed) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.IsType<PointsReserved>(await factory.ReserveAsync(member, 1_000, captured));
        Assert.IsType<PointsCaptured>(await factory.CaptureAsync(member, captured));
        Assert.IsType<PointsReserved>(await factory.ReserveAsync(member, 2_000, released));
        await factory.ReleaseAsync(member, released);
        Assert.IsType<PointsReserved>(await factory.ReserveAsync(member, 3_000, forgotten));
        factory.Clock.Advance(new PointsOptions().HoldTimeout);
        await factory.Services.GetRequiredService<HoldSweeper>().RunOnceAsync(CancellationToken.None);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        var refund = await factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Operator)
            .PostAsJsonAsync("/api/points/refunds", new RefundRequest(captured, "暴雨停运 (line closed by storm)"));
        Assert.Equal(HttpStatusCode.Created, refund.StatusCode);
        Assert.IsType<PointsReserved>(await factory.ReserveAsync(member, 500, reversed));
        Assert.IsType<PointsCaptured>(await factory.CaptureAsync(member, reversed));
        await factory.ReleaseAsync(member, reversed, "StepTimedOut");
        factory.AdvanceTo(expiresOn); // the refund lot, a day younger, does not expire yet
        await factory.Services.GetRequiredService<LotExpiry>().RunOnceAsync(CancellationToken.None);
        var client = factory.CreateClientFor(member);

        var pages = new List<StatementPage>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add((await client.GetFromJsonAsync<StatementPage>($"/api/points/me/statement?page={page}&pageSize=5"))!);
        }

        Assert.All(pages, p => Assert.Equal(12, p.TotalCount));
        Assert.Equal([5, 5, 2], pages.Select(p => p.Items.Count));
        Assert.Equal(
            [
                ("Expired", 9_000L, (Guid?)null), ("CaptureReversed", 500, reversed), ("Captured", 500, reversed), ("Held", 500, reversed),
                ("Refunded", 1_000, captured), ("HoldExpired", 3_000, forgotten), ("Held", 3_000, forgotten), ("Released", 2_000, released),
                ("Held", 2_000, released), ("Captured", 1_000, captured), ("Held", 1_000, captured), ("Credited", 10_000, null),
            ],
            pages.SelectMany(p => p.Items).Select(i => (i.Kind, i.Points, i.RedemptionId)));
        Assert.Equal(lot, pages[0].Items[0].LotId);
    }

    [Fact]
    public async Task Should_unlock_redemption_when_lifetime_credited_reaches_10000()
    {
        var member = await factory.ActivateMemberAsync();
        await factory.CreditAsync(member, 9_995);
        Assert.False((await factory.BalanceAsync(member))!.RedemptionUnlocked);

        await factory.CreditAsync(member, 5);

        var balance = await factory.CreateClientFor(member).GetFromJsonAsync<PointsBalance>("/api/points/me/balance");
        Assert.True(balance!.RedemptionUnlocked);
        Assert.Equal(0, balance.ThresholdShortfall);
    }
}
