using Changxing.Contracts;
using Changxing.Contracts.Points;
using Changxing.Points.Accrual;
using Changxing.Points.Data;
using Changxing.Points.Expiry;
using Changxing.Points.Holds;
using Changxing.Points.Refunds;
using Changxing.TestSupport;
using CsCheck;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Points.Tests;

/// <summary>
/// Conservation, property-based: after any sequence of credits, reserves, captures, releases, sweeps, expiry runs,
/// refunds and days passing, every member has credited = available + frozen + held + captured + expired, every lot
/// splits its points the same way, and nothing is negative.
/// </summary>
[Trait("Category", TestCategories.Database)]
public sealed class ConservationSpecs(PointsApiFactory factory) : IClassFixture<PointsApiFactory>
{
    public abstract record Step;

    public sealed record Credit(int Yuan) : Step;

    public sealed record Reserve(int Points) : Step;

    public sealed record Capture(int Pick) : Step;

    public sealed record Release(int Pick) : Step;

    public sealed record Refund(int Pick) : Step;

    public sealed record PassTime(int Hours) : Step;

    public sealed record RunExpiryJob : Step;

    public sealed record RunSweeper : Step;

    private static readonly Gen<Step> AnyStep = Gen.Frequency(
        (4, Gen.Int[1, 3_000].Select(y => (Step)new Credit(y))),
        (4, Gen.Int[1, 9_000].Select(p => (Step)new Reserve(p))),
        (3, Gen.Int[0, 20].Select(i => (Step)new Capture(i))),
        (2, Gen.Int[0, 20].Select(i => (Step)new Release(i))),
        (1, Gen.Int[0, 20].Select(i => (Step)new Refund(i))),
        (3, Gen.Int[1, 24 * 120].Select(h => (Step)new PassTime(h))),
        (2, Gen.Const((Step)new RunExpiryJob())),
        (1, Gen.Const((Step)new RunSweeper())));

    [Fact]
    public async Task Should_conserve_every_point_across_random_operation_sequences()
    {
        await AnyStep.Array[1, 25].SampleAsync(RunAndCheckAsync, iter: 30, threads: 1);
    }

    private async Task RunAndCheckAsync(Step[] steps)
    {
        var member = await factory.ActivateMemberAsync();
        var redemptions = new List<Guid>();
        await CheckAsync(member);
        foreach (var step in steps)
        {
            await ApplyAsync(step, member, redemptions);
            await CheckAsync(member);
        }
    }

    private async Task ApplyAsync(Step step, Guid member, List<Guid> redemptions)
    {
        Guid Pick(int i) => redemptions.Count == 0 ? Guid.NewGuid() : redemptions[i % redemptions.Count];
        switch (step)
        {
            case Credit c:
                await factory.InScopeAsync<TicketAccrual, TicketCreditOutcome>(a => a.CreditTripAsync(
                    new TripTicket(PointsApiFactory.NewTicketNumber(), member, c.Yuan, factory.Today, PaymentMethod.Money), CancellationToken.None));
                break;
            case Reserve r:
                var id = Guid.NewGuid();
                redemptions.Add(id);
                await factory.InScopeAsync<HoldBook, object>(b => b.ReserveAsync(new ReservePoints(id, member, r.Points), CancellationToken.None));
                break;
            case Capture c:
                await factory.InScopeAsync<HoldBook, object>(b => b.CaptureAsync(new CapturePoints(Pick(c.Pick), member), CancellationToken.None));
                break;
            case Release r:
                await factory.InScopeAsync<HoldBook, PointsReleased>(b => b.ReleaseAsync(new ReleasePoints(Pick(r.Pick), member, "test"), CancellationToken.None));
                break;
            case Refund r:
                await factory.InScopeAsync<ForceMajeureRefunds, RefundOutcome>(f => f.RefundAsync(Pick(r.Pick), null, CancellationToken.None));
                break;
            case PassTime t:
                factory.Clock.Advance(TimeSpan.FromHours(t.Hours));
                break;
            case RunExpiryJob:
                await factory.Services.GetRequiredService<LotExpiry>().RunOnceAsync(CancellationToken.None);
                break;
            case RunSweeper:
                await factory.Services.GetRequiredService<HoldSweeper>().RunOnceAsync(CancellationToken.None);
                break;
        }
    }

    private async Task CheckAsync(Guid member)
    {
        var b = (await factory.BalanceAsync(member))!;
        Assert.Equal(b.LifetimeCredited, b.Available + b.Frozen.Total + b.Held + b.Captured + b.Expired);
        Assert.True(b.Available >= 0 && b.Frozen.ExpiringSoon >= 0 && b.Frozen.Expired >= 0 && b.Held >= 0 && b.Captured >= 0 && b.Expired >= 0, b.ToString());

        var (lots, holds) = await factory.InScopeAsync<PointsDbContext, (List<Points.Ledger.PointsLot>, List<PointsHold>)>(async db => (
            await db.Lots.AsNoTracking().Where(l => l.MemberId == member).ToListAsync(),
            await db.Holds.AsNoTracking().Include(h => h.Allocations).Where(h => h.MemberId == member).ToListAsync()));
        Assert.All(lots, l =>
        {
            Assert.Equal(l.Points, l.Remaining + l.Held + l.Captured + l.Expired);
            Assert.True(l.Remaining >= 0 && l.Held >= 0 && l.Captured >= 0 && l.Expired >= 0);
        });
        Assert.All(holds, h => Assert.Equal(h.Points, h.Allocations.Sum(a => a.Points)));
        Assert.Equal(holds.Where(h => h.Status == HoldStatus.Held).Sum(h => h.Points), b.Held);
        Assert.Equal(holds.Where(h => h.Status == HoldStatus.Captured).Sum(h => h.Points), b.Captured);
    }
}
