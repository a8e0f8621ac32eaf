using System.Net;
using System.Net.Http.Json;
using Changxing.Contracts;
using Changxing.Contracts.Points;
using Changxing.Points.Holds;
using Changxing.Points.Ledger;
using Changxing.ServiceDefaults.Auth;
using Changxing.TestSupport;

namespace Changxing.Points.Tests;

[Trait("Category", TestCategories.Database)]
public sealed class BalanceApiTests(PointsApiFactory factory) : IClassFixture<PointsApiFactory>
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
