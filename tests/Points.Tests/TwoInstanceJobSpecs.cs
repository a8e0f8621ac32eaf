using Changxing.Contracts.Points;
using Changxing.Points.Expiry;
using Changxing.Points.Holds;
using Changxing.ServiceDefaults.Hosting;
using Changxing.TestSupport;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Points.Tests;

/// <summary>
/// Two instances of Points on one database run the expiry job and the hold sweep at the same moment: each lot's expiry
/// and each overdue hold is reported once, not once per instance, and the ledger moves once (the job lock; on PostgreSQL
/// an advisory lock, so it holds across processes).
/// </summary>
[Trait("Category", TestCategories.Database)]
public sealed class TwoInstanceJobSpecs(PointsApiFactory factory) : IClassFixture<PointsApiFactory>
{
    private const int Members = 12;

    [Fact]
    public async Task Should_expire_and_report_each_lot_once_when_two_instances_run_the_expiry_job_at_once()
    {
        var members = new List<(Guid Member, Guid Lot)>();
        for (var i = 0; i < Members; i++)
        {
            var member = await factory.ActivateMemberAsync();
            members.Add((member, await factory.CreditAsync(member, 1_000)));
        }

        await using var second = factory.WithWebHostBuilder(_ => { }); // a second host: its own services and bus, the same database and clock
        factory.AdvanceTo(factory.Today.AddMonths(12));

        await RunAtOnceAsync<LotExpiryJob>(second);

        var reported = Published<PointsExpired>(second).Where(e => members.Any(m => m.Lot == e.LotId)).ToList();
        Assert.Equal(members.Select(m => m.Lot).Order(), reported.Select(e => e.LotId).Order());
        foreach (var (member, _) in members)
        {
            Assert.Equal(1_000, (await factory.BalanceAsync(member))!.Expired);
        }
    }

    [Fact]
    public async Task Should_release_and_report_each_overdue_hold_once_when_two_instances_sweep_at_once()
    {
        var redemptions = new List<(Guid Member, Guid Redemption)>();
        for (var i = 0; i < Members; i++)
        {
            var member = await factory.ActivateMemberAsync();
            await factory.CreditAsync(member, 10_000);
            var redemption = Guid.NewGuid();
            Assert.IsType<PointsReserved>(await factory.ReserveAsync(member, 3_000, redemption));
            redemptions.Add((member, redemption));
        }

        await using var second = factory.WithWebHostBuilder(_ => { });
        factory.Clock.Advance(new PointsOptions().HoldTimeout);

        await RunAtOnceAsync<HoldSweepJob>(second);

        var reported = Published<PointsHoldExpired>(second).Where(e => redemptions.Any(r => r.Redemption == e.RedemptionId)).ToList();
        Assert.Equal(redemptions.Select(r => r.Redemption).Order(), reported.Select(e => e.RedemptionId).Order());
        foreach (var (member, _) in redemptions)
        {
            var balance = await factory.BalanceAsync(member);
            Assert.Equal((10_000, 0), (balance!.Available, balance.Held));
        }
    }

    /// <summary>The job built in each instance, both runs started together and awaited.</summary>
    private async Task RunAtOnceAsync<TJob>(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> second)
        where TJob : PeriodicJob
    {
        var jobs = new[] { factory.Services, second.Services }.Select(services => ActivatorUtilities.CreateInstance<TJob>(services)).ToList();
        try
        {
            await Task.WhenAll(jobs.Select(job => Task.Run(() => job.RunOnceAsync())));
        }
        finally
        {
            jobs.ForEach(job => job.Dispose());
        }
    }

    private List<T> Published<T>(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> second)
        where T : class =>
        [.. new[] { factory.Harness, second.Services.GetTestHarness() }.SelectMany(h => h.Published.Select<T>().Select(x => x.Context.Message))];
}
