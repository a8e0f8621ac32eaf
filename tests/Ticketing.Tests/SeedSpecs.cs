using Changxing.TestSupport;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Runs;
using Changxing.Ticketing.Seed;
using Changxing.Ticketing.Stations;
using Changxing.Ticketing.Trains;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

public sealed class SeededTestHost : TicketingTestHost
{
    protected override bool SeedReferenceData => true;
}

[Trait("Category", TestCategories.Database)]
public class SeedSpecs(SeededTestHost host) : IClassFixture<SeededTestHost>
{
    [Fact]
    public async Task Should_schedule_every_train_for_the_coming_60_days_and_add_days_as_time_passes()
    {
        var trains = ReferenceData.Plans.Count;
        Assert.Equal(trains * 60, await CountRunsAsync());
        Assert.Equal(0, await host.InScopeAsync(sp => sp.GetRequiredService<RunCalendar>().EnsureRunsAsync(default)));
        Assert.Equal(0, await host.InScopeAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync(default)));

        host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(trains, await host.InScopeAsync(sp => sp.GetRequiredService<RunCalendar>().EnsureRunsAsync(default)));
    }

    [Fact]
    public async Task Should_give_some_dates_and_classes_a_redemption_allotment_and_others_none()
    {
        var byRun = await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TicketingDbContext>();
            return await db.Runs.Select(r => new
            {
                r.TrainNumber,
                Classes = db.Allotments.Where(a => a.RunId == r.Id).Select(a => a.SeatClass).ToList(),
            }).ToListAsync();
        });

        var g1 = byRun.Where(r => r.TrainNumber == "G1").ToList();
        Assert.Contains(g1, r => r.Classes.Contains("Second"));
        Assert.Contains(g1, r => !r.Classes.Contains("Second"));
        Assert.DoesNotContain(byRun, r => r.Classes.Contains("Business"));
        Assert.Equal(5, byRun.Where(r => r.TrainNumber.StartsWith('D')).Select(r => r.TrainNumber).Distinct().Count());
        Assert.DoesNotContain(byRun, r => r.TrainNumber.StartsWith('D') && r.Classes.Count > 0);
        Assert.Contains(byRun, r => r.TrainNumber == "T109" && r.Classes.Contains("HardSleeper"));
    }

    [Fact]
    public void Should_give_every_station_one_well_formed_telegraph_code_and_every_stop_a_known_station()
    {
        var codes = ReferenceData.Stations.Select(s => s.Code).ToList();

        Assert.All(codes, c => Assert.True(Station.IsWellFormedCode(c), c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(ReferenceData.Stations.Count, ReferenceData.Stations.Select(s => s.Name).Distinct().Count());
        Assert.All(ReferenceData.Trains().SelectMany(t => t.Stops), s => Assert.Contains(s.StationCode, codes));
        Assert.Equal(12, ReferenceData.Plans.Count(p => p.Plan.Number.StartsWith('G')));
    }

    [Fact]
    public async Task Should_seed_the_Shanghai_Nanjing_D_trains_and_the_Beijing_Shanghai_overnight_sleepers_with_their_classes()
    {
        var cars = await host.InScopeAsync(sp => sp.GetRequiredService<TicketingDbContext>().TrainCars.AsNoTracking().ToListAsync());
        var classes = cars.GroupBy(c => c.TrainNumber).ToDictionary(g => g.Key, g => g.Select(c => c.SeatClass).Distinct().Order(StringComparer.Ordinal).ToList());

        Assert.All(["D5451", "D5453", "D5455", "D5452", "D5454"], d => Assert.Equal(["First", "Second"], classes[d]));
        Assert.All(["T109", "T110"], t => Assert.Equal(["HardSleeper", "SoftSleeper"], classes[t]));
        var stops = ReferenceData.Trains().ToDictionary(t => t.Number, t => t.Stops.Select(s => s.StationCode).ToList());
        Assert.Equal(("SHH", "NJH"), (stops["D5451"][0], stops["D5451"][^1]));
        Assert.Equal(("BJP", "SHH"), (stops["T109"][0], stops["T109"][^1]));
        Assert.Equal(("SHH", "BJP"), (stops["T110"][0], stops["T110"][^1]));
    }

    [Fact]
    public void Should_seed_only_timetables_an_operator_could_enter_through_the_api()
    {
        var stations = ReferenceData.Stations.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);

        Assert.All(ReferenceData.Trains(), t =>
        {
            var definition = new TrainDefinition(
                [.. t.Stops.OrderBy(s => s.Sequence).Select(s => new StopInput(s.StationCode, s.Arrives, s.Departs, s.DayOffset, s.DistanceKm))],
                [.. t.Cars.Select(c => new CarInput(c.CarNumber, c.SeatClass, c.Rows, c.Letters))],
                null);
            Assert.Equal((null, null), definition.Validate(stations));
        });
    }

    private Task<int> CountRunsAsync() =>
        host.InScopeAsync(sp => sp.GetRequiredService<TicketingDbContext>().Runs.CountAsync());
}
