using Changxing.TestSupport;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Runs;
using Changxing.Ticketing.Seed;
using Changxing.Ticketing.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

public sealed class SeededTestHost : TicketingTestHost
{
    protected override bool SeedReferenceData => true;
}

[Trait("Category", TestCategories.Database)]
public class SeedTests(SeededTestHost host) : IClassFixture<SeededTestHost>
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

    private Task<int> CountRunsAsync() =>
        host.InScopeAsync(sp => sp.GetRequiredService<TicketingDbContext>().Runs.CountAsync());
}
