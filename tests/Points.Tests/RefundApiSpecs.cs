using System.Net;
using System.Net.Http.Json;
using Changxing.Contracts;
using Changxing.Contracts.Points;
using Changxing.Points.Holds;
using Changxing.Points.Ledger;
using Changxing.Points.Refunds;
using Changxing.ServiceDefaults.Auth;
using Changxing.TestSupport;
using MassTransit.Testing;

namespace Changxing.Points.Tests;

/// <summary>Force majeure: a captured redemption's points come back in full as a fresh 12-month lot, once.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class RefundApiSpecs(PointsApiFactory factory) : IClassFixture<PointsApiFactory>
{
    private HttpClient Operator => factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Operator);

    private async Task<(Guid Member, Guid Redemption)> CapturedRedemptionAsync(long points, bool capture = true)
    {
        var member = await factory.ActivateMemberAsync();
        await factory.CreditAsync(member, 10_000);
        var redemption = Guid.NewGuid();
        Assert.IsType<PointsReserved>(await factory.InScopeAsync<HoldBook, object>(b => b.ReserveAsync(new ReservePoints(redemption, member, points), CancellationToken.None)));
        if (capture)
        {
            Assert.IsType<PointsCaptured>(await factory.InScopeAsync<HoldBook, object>(b => b.CaptureAsync(new CapturePoints(redemption, member), CancellationToken.None)));
        }

        return (member, redemption);
    }

    [Fact]
    public async Task Should_redeposit_a_captured_redemption_as_a_fresh_lot_once()
    {
        var (member, redemption) = await CapturedRedemptionAsync(5_530);
        factory.Clock.Advance(TimeSpan.FromDays(40));

        var response = await Operator.PostAsJsonAsync("/api/points/refunds", new RefundRequest(redemption, "暴雨停运 (line closed by storm)"));
        var again = await Operator.PostAsJsonAsync("/api/points/refunds", new RefundRequest(redemption, null));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var refund = await response.Content.ReadFromJsonAsync<RefundResponse>();
        Assert.Equal((5_530L, factory.Today.AddMonths(12)), (refund!.Points, refund.ExpiresOn));
        await again.ProblemAsync(HttpStatusCode.Conflict, ReasonCodes.AlreadyCredited);
        await factory.PublishedAsync<PointsCredited>(m => m.LotId == refund.LotId && m.Source == CreditSource.Refund);
        var balance = await factory.BalanceAsync(member);
        Assert.Equal((10_000, 5_530), (balance!.Available, balance.Captured));
    }

    [Fact]
    public async Task Should_refuse_a_refund_reason_longer_than_the_statement_keeps_and_refund_nothing()
    {
        var (member, redemption) = await CapturedRedemptionAsync(1_000);

        var response = await Operator.PostAsJsonAsync("/api/points/refunds", new RefundRequest(redemption, new string('因', 60_000)));

        await response.ProblemAsync(HttpStatusCode.BadRequest, ReasonCodes.InvalidRequest);
        Assert.Equal(1_000, (await factory.BalanceAsync(member))!.Captured);
    }

    [Fact]
    public async Task Should_refuse_to_refund_a_redemption_that_was_not_captured()
    {
        var (_, held) = await CapturedRedemptionAsync(1_000, capture: false);

        await (await Operator.PostAsJsonAsync("/api/points/refunds", new RefundRequest(held, null))).ProblemAsync(HttpStatusCode.Conflict, ReasonCodes.Conflict);
        await (await Operator.PostAsJsonAsync("/api/points/refunds", new RefundRequest(Guid.NewGuid(), null))).ProblemAsync(HttpStatusCode.NotFound, ReasonCodes.HoldNotFound);
    }

    [Fact]
    public async Task Should_give_points_back_once_whether_a_refund_or_a_reversed_capture_comes_first()
    {
        var (refundedMember, refunded) = await CapturedRedemptionAsync(2_000);
        var (reversedMember, reversed) = await CapturedRedemptionAsync(2_000);

        (await Operator.PostAsJsonAsync("/api/points/refunds", new RefundRequest(refunded, null))).EnsureSuccessStatusCode();
        var afterRefund = await factory.InScopeAsync<HoldBook, PointsReleased>(b => b.ReleaseAsync(new ReleasePoints(refunded, refundedMember, "StepTimedOut"), CancellationToken.None));
        var afterReversal = await factory.InScopeAsync<HoldBook, PointsReleased>(b => b.ReleaseAsync(new ReleasePoints(reversed, reversedMember, "StepTimedOut"), CancellationToken.None));

        Assert.Equal((0L, 2_000L), (afterRefund.Points, afterReversal.Points));
        await (await Operator.PostAsJsonAsync("/api/points/refunds", new RefundRequest(reversed, null))).ProblemAsync(HttpStatusCode.Conflict, ReasonCodes.Conflict);
        Assert.Equal(10_000, (await factory.BalanceAsync(refundedMember))!.Available);
        Assert.Equal(10_000, (await factory.BalanceAsync(reversedMember))!.Available);
    }

    [Fact]
    public async Task Should_let_only_operators_refund()
    {
        var (member, redemption) = await CapturedRedemptionAsync(1_000);

        var response = await factory.CreateClientFor(member).PostAsJsonAsync("/api/points/refunds", new RefundRequest(redemption, null));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
