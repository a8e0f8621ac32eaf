using Changxing.Contracts;
using Changxing.Contracts.Points;
using Changxing.Points.Holds;
using Changxing.TestSupport;

namespace Changxing.Points.Tests;

/// <summary>Never double-spent: concurrent reserves of one member are serialised by the member's lock.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class ConcurrencySpecs(PointsApiFactory factory) : IClassFixture<PointsApiFactory>
{
    [Fact]
    public async Task Should_place_exactly_5_holds_when_20_concurrent_reserves_compete_for_a_balance_covering_5()
    {
        var member = await factory.ActivateMemberAsync();
        for (var i = 0; i < 10; i++)
        {
            await factory.CreditAsync(member, 1_000);
        }

        // Spend half so exactly 5 x 1,000 are left, spread over the remaining lots.
        var spent = Guid.NewGuid();
        Assert.IsType<PointsReserved>(await factory.InScopeAsync<HoldBook, object>(b => b.ReserveAsync(new ReservePoints(spent, member, 5_000), CancellationToken.None)));
        Assert.IsType<PointsCaptured>(await factory.InScopeAsync<HoldBook, object>(b => b.CaptureAsync(new CapturePoints(spent, member), CancellationToken.None)));

        using var start = new ManualResetEventSlim();
        var reserves = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await factory.InScopeAsync<HoldBook, object>(b => b.ReserveAsync(new ReservePoints(Guid.NewGuid(), member, 1_000), CancellationToken.None));
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(reserves);

        Assert.Equal(5, outcomes.OfType<PointsReserved>().Count());
        Assert.All(outcomes.OfType<PointsReservationRejected>(), r => Assert.Equal(ReasonCodes.InsufficientAvailablePoints, r.Reason));
        Assert.Equal(15, outcomes.OfType<PointsReservationRejected>().Count());
        var balance = await factory.BalanceAsync(member);
        Assert.Equal((0, 5_000, 5_000), (balance!.Available, balance.Held, balance.Captured));
    }
}
