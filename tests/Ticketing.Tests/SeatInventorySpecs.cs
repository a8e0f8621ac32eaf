using Changxing.Contracts;
using Changxing.ServiceDefaults.Outcomes;
using Changxing.TestSupport;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Inventory;
using Changxing.Ticketing.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Changxing.Ticketing.Tests;

[Trait("Category", TestCategories.Database)]
public class SeatInventorySpecs(TicketingTestHost host) : IClassFixture<TicketingTestHost>
{
    private static readonly DateOnly Day = new(2026, 3, 5);

    [Fact]
    public async Task Should_sell_a_seat_sold_Beijing_South_to_Jinan_West_again_Jinan_West_to_Shanghai_Hongqiao_but_not_to_Nanjing_South()
    {
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9101", "VNP JGK NKH AOH", rows: 1, letters: "A"));
        await host.AddAllotmentAsync("G9101", Day, "Second", quota: 10);

        var first = await HoldAsync("G9101", "VNP", "JGK", "p1");
        var second = await HoldAsync("G9101", "JGK", "AOH", "p2");
        var third = await HoldAsync("G9101", "VNP", "NKH", "p3");

        Assert.Equal(("05", "01A"), (first.Value!.Car, first.Value.Seat));
        Assert.Equal(("05", "01A"), (second.Value!.Car, second.Value.Seat));
        Assert.Equal(ReasonCodes.SoldOut, third.Reason);
    }

    [Fact]
    public async Task Should_refuse_a_second_seat_on_the_same_run_for_the_same_passenger()
    {
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9102", "VNP JGK NKH AOH", rows: 2, letters: "AB"));
        await host.AddAllotmentAsync("G9102", Day, "Second", quota: 10);

        Assert.NotNull((await HoldAsync("G9102", "VNP", "JGK", "same-passenger")).Value);
        var again = await HoldAsync("G9102", "NKH", "AOH", "same-passenger");

        Assert.Equal(ReasonCodes.PassengerAlreadyHasTicket, again.Reason);
    }

    [Fact]
    public async Task Should_count_holds_against_the_quota_and_refuse_what_no_allotment_covers()
    {
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9103", "VNP JGK NKH AOH", rows: 4, letters: "ABCDF"));
        await host.AddAllotmentAsync("G9103", Day, "Second", quota: 2, from: "VNP");

        Assert.NotNull((await HoldAsync("G9103", "VNP", "AOH", "q1")).Value);
        Assert.NotNull((await HoldAsync("G9103", "VNP", "NKH", "q2")).Value);
        Assert.Equal(ReasonCodes.QuotaExhausted, (await HoldAsync("G9103", "VNP", "JGK", "q3")).Reason);
        Assert.Equal(ReasonCodes.NotRedeemable, (await HoldAsync("G9103", "JGK", "AOH", "q4")).Reason);
        Assert.Equal(ReasonCodes.NotRedeemable, (await HoldAsync("G9103", "VNP", "AOH", "q5", Day.AddDays(1))).Reason);
        Assert.Equal(ReasonCodes.UnknownTrain, (await HoldAsync("G9199", "VNP", "AOH", "q6")).Reason);
    }

    [Fact]
    public async Task Should_fill_the_gap_that_fits_the_segment_rather_than_break_a_free_seat()
    {
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9104", "VNP JGK NKH AOH", rows: 1, letters: "AB"));
        await host.AddAllotmentAsync("G9104", Day, "Second", quota: 10);

        // 01A is sold Beijing South→Jinan West; 01B is free. Jinan West→Shanghai Hongqiao fits 01A's gap exactly.
        var first = await HoldAsync("G9104", "VNP", "JGK", "f1");
        var second = await HoldAsync("G9104", "JGK", "AOH", "f2");
        var whole = await HoldAsync("G9104", "VNP", "AOH", "f3");

        Assert.Equal(first.Value!.Seat, second.Value!.Seat);
        Assert.NotNull(whole.Value);
    }

    [Fact]
    public async Task Should_put_a_segment_on_the_seat_it_leaves_no_free_leg_beside_even_when_a_lower_seat_is_free()
    {
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9107", "VNP JGK NKH AOH", rows: 1, letters: "AB"));
        await host.AddAllotmentAsync("G9107", Day, "Second", quota: 10);
        var p1 = Guid.NewGuid();
        Assert.Equal("01A", (await HoldAsync("G9107", "VNP", "AOH", "l1", redemption: p1)).Value!.Seat);
        Assert.Equal("01B", (await HoldAsync("G9107", "VNP", "JGK", "l2")).Value!.Seat);
        await host.InScopeAsync(sp => sp.GetRequiredService<SeatInventory>().ReleaseAsync(p1, default));

        // 01A is free again and lower, but Jinan West→Shanghai Hongqiao on it would strand its Beijing South→Jinan West
        // leg; on 01B it closes the gap exactly and keeps 01A whole for a journey over the full line.
        var tail = await HoldAsync("G9107", "JGK", "AOH", "l3");
        var whole = await HoldAsync("G9107", "VNP", "AOH", "l4");

        Assert.Equal("01B", tail.Value!.Seat);
        Assert.Equal("01A", whole.Value?.Seat);
    }

    [Fact]
    public async Task Should_hold_exactly_the_quota_when_200_concurrent_holds_compete_for_30_redemption_seats()
    {
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9108", "VNP TIP JGK NKH AOH", rows: 20, letters: "ABCDF"));
        await host.AddAllotmentAsync("G9108", Day, "Second", quota: 30);
        var requests = Enumerable.Range(0, 200).Select(i => ("VNP", "AOH", $"q{i}")).ToList();

        var outcomes = await HoldConcurrentlyAsync("G9108", requests);

        Assert.Equal(30, outcomes.Count(o => o.Outcome.Value is not null));
        Assert.All(outcomes.Where(o => o.Outcome.Value is null), o => Assert.Equal(ReasonCodes.QuotaExhausted, o.Outcome.Reason));
        var runId = await host.RunIdAsync("G9108", Day);
        var used = await host.InScopeAsync(sp => sp.GetRequiredService<TicketingDbContext>().Allotments.Where(a => a.RunId == runId).Select(a => a.Used).SingleAsync());
        Assert.Equal(30, used);
        Assert.Equal(0, host.Services.GetRequiredService<SearchReadModel>().Find("G9108", Day)!.QuotaLeft("Second", "VNP", "AOH"));
        Assert.Equal(30, (await SoldSeatsAsync("G9108")).Count);
        await AssertNoSeatLegSoldTwiceAsync("G9108");
    }

    [Fact]
    public async Task Should_give_the_quota_back_when_a_hold_is_released()
    {
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9109", "VNP JGK NKH AOH", rows: 2, letters: "AB"));
        await host.AddAllotmentAsync("G9109", Day, "Second", quota: 1);
        var redemption = Guid.NewGuid();
        Assert.NotNull((await HoldAsync("G9109", "VNP", "AOH", "g1", redemption: redemption)).Value);
        Assert.Equal(ReasonCodes.QuotaExhausted, (await HoldAsync("G9109", "VNP", "AOH", "g2")).Reason);

        await host.InScopeAsync(sp => sp.GetRequiredService<SeatInventory>().ReleaseAsync(redemption, default));

        Assert.Equal(1, host.Services.GetRequiredService<SearchReadModel>().Find("G9109", Day)!.QuotaLeft("Second", "VNP", "AOH"));
        Assert.NotNull((await HoldAsync("G9109", "VNP", "AOH", "g2")).Value);
    }

    [Fact]
    public async Task Should_sell_every_seat_leg_of_a_100_seat_run_to_200_concurrent_holds_without_selling_any_twice()
    {
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9105", "VNP TIP JGK NKH AOH", rows: 20, letters: "ABCDF"));
        await host.AddAllotmentAsync("G9105", Day, "Second", quota: 1000);

        // 100 Beijing South→Jinan West and 100 Jinan West→Shanghai Hongqiao: together exactly every leg of every seat.
        var requests = Enumerable.Range(0, 200)
            .Select(i => i % 2 == 0 ? ("VNP", "JGK", $"a{i}") : ("JGK", "AOH", $"a{i}"))
            .ToList();
        var outcomes = await HoldConcurrentlyAsync("G9105", requests);

        Assert.All(outcomes, o => Assert.NotNull(o.Outcome.Value));
        var seats = await SoldSeatsAsync("G9105");
        Assert.Equal(100, seats.Count);
        Assert.All(seats, s => Assert.Equal(SeatLegMask.Segment(0, 4), s.Sold));
        await AssertNoSeatLegSoldTwiceAsync("G9105");
    }

    [Fact]
    public async Task Should_never_double_sell_nor_refuse_a_sellable_segment_under_200_concurrent_overlapping_holds()
    {
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9106", "VNP TIP JGK NKH AOH", rows: 20, letters: "ABCDF"));
        await host.AddAllotmentAsync("G9106", Day, "Second", quota: 1000);
        var stations = new[] { "VNP", "TIP", "JGK", "NKH", "AOH" };
        var random = new Random(6);
        var requests = Enumerable.Range(0, 200).Select(i =>
        {
            var from = random.Next(0, 4);
            var to = random.Next(from + 1, 5);
            return (stations[from], stations[to], $"r{i}");
        }).ToList();

        var outcomes = await HoldConcurrentlyAsync("G9106", requests);

        await AssertNoSeatLegSoldTwiceAsync("G9106");
        var seats = await SoldSeatsAsync("G9106");
        var soldMasks = seats.ToDictionary(s => (s.Car, s.Seat), s => s.Sold);
        foreach (var (request, outcome) in outcomes.Where(o => o.Outcome.Value is null))
        {
            Assert.Equal(ReasonCodes.SoldOut, outcome.Reason);
            // Seats only fill up, so a seat free for the segment now was free when the hold was refused.
            var segment = SeatLegMask.Segment(Array.IndexOf(stations, request.From), Array.IndexOf(stations, request.To));
            var freeSeats = 100 - soldMasks.Values.Count(m => m.Overlaps(segment));
            Assert.Equal(0, freeSeats);
        }

        Assert.True(outcomes.Count(o => o.Outcome.Value is not null) >= 100);
    }

    private async Task<List<((string From, string To, string Passenger) Request, Outcome<SeatHold> Outcome)>> HoldConcurrentlyAsync(
        string train, List<(string From, string To, string Passenger)> requests)
    {
        // Two gates stand for two service instances: only the database's run lock keeps them apart.
        var gates = new[] { new RunGate(), new RunGate() };
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = requests.Select((r, i) => Task.Run(async () =>
        {
            await start.Task;
            await using var scope = host.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<TicketingDbContext>();
            var model = sp.GetRequiredService<SearchReadModel>();
            var inventory = new SeatInventory(db, new RunLocks(db, model, gates[i % 2]), model, host.Clock, sp.GetRequiredService<IOptions<TicketingOptions>>());
            var outcome = await inventory.HoldAsync(new HoldRequest(Guid.NewGuid(), Guid.NewGuid(), train, Day, r.From, r.To, "Second", r.Passenger), default);
            return (r, outcome);
        })).ToList();
        start.SetResult();
        return [.. await Task.WhenAll(tasks)];
    }

    private async Task AssertNoSeatLegSoldTwiceAsync(string train)
    {
        var runId = await host.RunIdAsync(train, Day);
        var (holds, seats) = await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TicketingDbContext>();
            var h = await db.SeatHolds.AsNoTracking().Where(x => x.RunId == runId).ToListAsync();
            var s = await db.RunSeats.AsNoTracking().Where(x => x.RunId == runId).ToListAsync();
            return (h, s);
        });

        foreach (var seat in seats)
        {
            var union = SeatLegMask.None;
            foreach (var hold in holds.Where(h => h.Occupies && h.Car == seat.Car && h.Seat == seat.Seat))
            {
                Assert.False(union.Overlaps(hold.LegMask), $"Seat {seat.Car}-{seat.Seat} sold twice on a leg.");
                union = union.With(hold.LegMask);
            }

            Assert.Equal(union, seat.Sold);
        }

        var model = host.Services.GetRequiredService<SearchReadModel>().Find(train, Day)!;
        Assert.Equal(seats.Where(s => s.SoldLegs != 0).Select(s => s.Sold.Bits).Order(), model.SoldMasks["Second"].Order());
    }

    private async Task<List<RunSeat>> SoldSeatsAsync(string train)
    {
        var runId = await host.RunIdAsync(train, Day);
        return await host.InScopeAsync(sp => sp.GetRequiredService<TicketingDbContext>().RunSeats.AsNoTracking().Where(s => s.RunId == runId && s.SoldLegs != 0).ToListAsync());
    }

    private Task<Outcome<SeatHold>> HoldAsync(string train, string from, string to, string passenger, DateOnly? day = null, Guid? redemption = null) =>
        host.InScopeAsync(sp => sp.GetRequiredService<SeatInventory>().HoldAsync(
            new HoldRequest(redemption ?? Guid.NewGuid(), Guid.NewGuid(), train, day ?? Day, from, to, "Second", passenger), default));
}
