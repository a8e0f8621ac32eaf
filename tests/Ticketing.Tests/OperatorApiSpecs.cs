using System.Globalization;
using System.Net;
using System.Text.Json;
using Changxing.Contracts;
using Changxing.ServiceDefaults.Auth;
using Changxing.TestSupport;
using Changxing.Ticketing.Allotments;
using Changxing.Ticketing.Runs;
using Changxing.Ticketing.Search;
using Changxing.Ticketing.Stations;
using Changxing.Ticketing.Tickets;
using Changxing.Ticketing.Trains;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

/// <summary>What operators change through the API: stations, trains, allotments, and what they see of a run. The clock is 2026-03-01 09:00 Beijing time.</summary>
[Trait("Category", TestCategories.Database)]
public class OperatorApiSpecs(TicketingApiFactory factory) : IClassFixture<TicketingApiFactory>
{
    private HttpClient Operator => factory.CreateClientFor(Guid.NewGuid(), Roles.Operator);

    [Fact]
    public async Task Should_refuse_a_timetable_whose_times_with_their_day_offsets_do_not_increase_along_the_stops()
    {
        var backwards = Timetable(("VNP", null, "10:00", 0), ("JGK", "09:30", "09:32", 0), ("AOH", "12:00", null, 0));
        var dwellOverMidnight = Timetable(("VNP", null, "22:00", 0), ("JGK", "23:58", "00:04", 0), ("AOH", "02:00", null, 1));
        var overnight = Timetable(("VNP", null, "22:00", 0), ("JGK", "23:50", "23:56", 0), ("AOH", "02:00", null, 1));

        var refusedBackwards = await Operator.PutJsonAsync("/api/ticketing/trains/G9501", backwards).ReadAsync<JsonElement>(HttpStatusCode.BadRequest);
        var refusedDwell = await Operator.PutJsonAsync("/api/ticketing/trains/G9502", dwellOverMidnight).ReadAsync<JsonElement>(HttpStatusCode.BadRequest);
        var accepted = await Operator.PutJsonAsync("/api/ticketing/trains/G9503", overnight).ReadAsync<TrainView>();

        Assert.Equal(ReasonCodes.InvalidRequest, refusedBackwards.GetProperty("reason").GetString());
        Assert.Contains("Stop 1 (JGK) arrives at 09:30", refusedBackwards.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(ReasonCodes.InvalidRequest, refusedDwell.GetProperty("reason").GetString());
        Assert.Contains("Stop 1 (JGK) departs at 00:04", refusedDwell.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal([0, 0, 1], accepted.Stops.Select(s => s.DayOffset));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/api/ticketing/trains/G9501")).StatusCode);
    }

    [Fact]
    public async Task Should_charge_the_fares_an_operator_gives_instead_of_the_distance_based_ones()
    {
        var definition = Timetable(("VNP", null, "10:00", 0), ("JGK", "11:30", "11:32", 0), ("AOH", "14:45", null, 0))
            with { Fares = [new FareInput(SeatClass.Second, "VNP", "AOH", 600m)] };

        (await Operator.PutJsonAsync("/api/ticketing/trains/G9504", definition)).EnsureSuccessStatusCode();

        Assert.Equal(600m, await SecondClassFareAsync("G9504", "VNP", "AOH"));
        Assert.Equal(FareTable.Price("G", SeatClass.Second, 406), await SecondClassFareAsync("G9504", "VNP", "JGK"));
    }

    [Fact]
    public async Task Should_refuse_with_409_to_change_a_train_that_already_has_a_seat_held()
    {
        var definition = Timetable(("VNP", null, "10:00", 0), ("JGK", "11:30", "11:32", 0), ("AOH", "14:45", null, 0));
        (await Operator.PutJsonAsync("/api/ticketing/trains/G9505", definition)).EnsureSuccessStatusCode();
        await SellAsync("G9505", "p-409");

        var changed = await Operator.PutJsonAsync("/api/ticketing/trains/G9505", definition with { Fares = [new FareInput(SeatClass.Second, "VNP", "AOH", 1m)] });

        Assert.Equal(ReasonCodes.Conflict, await changed.ReasonAsync(HttpStatusCode.Conflict));
        Assert.Equal(FareTable.Price("G", SeatClass.Second, 1318), await SecondClassFareAsync("G9505", "VNP", "AOH"));
    }

    [Fact]
    public async Task Should_add_and_rename_a_station_and_find_it_by_code_name_or_pinyin()
    {
        (await Operator.PutJsonAsync("/api/ticketing/stations/zzb", new StationInput("测试东", "Ceshi Dong"))).EnsureSuccessStatusCode();
        var renamed = await Operator.PutJsonAsync("/api/ticketing/stations/ZZB", new StationInput("测试南", "Ceshi Nan")).ReadAsync<StationView>();

        Assert.Equal(new StationView("ZZB", "测试南", "Ceshi Nan"), renamed);
        Assert.Equal(["ZZB"], await StationCodesAsync("测试"));
        Assert.Equal(["ZZB"], await StationCodesAsync("ceshinan"));
        Assert.Equal(["ZZB"], await StationCodesAsync("zzb"));
        Assert.Empty(await StationCodesAsync("测试东"));
        Assert.Equal(["VNP"], await StationCodesAsync("Beijing Nan"));
        Assert.Equal(["BJP", "VNP"], await StationCodesAsync("北京"));

        // A control character is refused before anything is written (PostgreSQL would refuse a NUL in text only at the save).
        var refused = await Operator.PutJsonAsync("/api/ticketing/stations/ZZB", new StationInput("测试\u0000西", "Ceshi Xi"));
        Assert.Equal(ReasonCodes.InvalidRequest, await refused.ReasonAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["ZZB"], await StationCodesAsync("ceshinan"));
    }

    [Fact]
    public async Task Should_drop_the_redemption_mark_when_an_operator_sets_the_quota_to_zero_and_show_the_run_as_it_is()
    {
        var definition = Timetable(("VNP", null, "10:00", 0), ("JGK", "11:30", "11:32", 0), ("AOH", "14:45", null, 0));
        (await Operator.PutJsonAsync("/api/ticketing/trains/G9506", definition)).EnsureSuccessStatusCode();
        var allotment = await Operator.PostJsonAsync("/api/ticketing/runs/G9506/2026-03-10/allotments", new AllotmentInput("Second", null, null, 3))
            .ReadAsync<AllotmentView>(HttpStatusCode.Created);
        var ticket = await SellAsync("G9506", "p-run");
        Assert.Equal(RedemptionPricing.Mark, (await SecondClassAsync("G9506", "VNP", "AOH")).Mark);

        var changed = await Operator.PutJsonAsync($"/api/ticketing/runs/G9506/2026-03-10/allotments/{allotment.Id}", new QuotaInput(0)).ReadAsync<AllotmentView>();
        var run = await Operator.GetAsync("/api/ticketing/runs/G9506/2026-03-10").ReadAsync<RunView>();

        Assert.Equal(0, changed.Quota);
        Assert.Null((await SecondClassAsync("G9506", "VNP", "AOH")).Mark);
        Assert.Equal(("G9506", new DateOnly(2026, 3, 10), 0), (run.TrainNumber, run.ServiceDate, run.ActiveHolds));
        Assert.Equal((allotment.Id, 0, 0), (Assert.Single(run.Allotments).Id, run.Allotments[0].Quota, run.Allotments[0].Used));
        Assert.Equal(new SoldSeatView(ticket.Car, ticket.Seat, "Second", "11"), Assert.Single(run.SoldSeats));
        Assert.Equal(HttpStatusCode.NotFound, (await Operator.GetAsync("/api/ticketing/runs/G9506/2026-06-10")).StatusCode);
    }

    public static TheoryData<string, TrainDefinition> ImplausibleTrains()
    {
        var good = Timetable(("VNP", null, "10:00", 0), ("JGK", "11:30", "11:32", 0), ("AOH", "14:45", null, 0));
        StopInput[] Shift(int dayOffset, int extraKm) => [good.Stops[0], good.Stops[1], good.Stops[2] with { DayOffset = dayOffset, DistanceKm = good.Stops[2].DistanceKm + extraKm }];
        return new()
        {
            { "fare of 1e20 yuan", good with { Fares = [new FareInput(SeatClass.Second, "VNP", "AOH", 1e20m)] } },
            { "fare of 20,000.5 yuan", good with { Fares = [new FareInput(SeatClass.Second, "VNP", "AOH", TrainDefinition.MaxFare + 0.5m)] } },
            { "day offset of 3,000,000", good with { Stops = Shift(3_000_000, 0) } },
            { "day offset of int.MaxValue", good with { Stops = Shift(int.MaxValue, 0) } },
            { "day offset of 8", good with { Stops = Shift(TrainDefinition.MaxDayOffset + 1, 0) } },
            { "distance beyond 10,000 km", good with { Stops = Shift(0, TrainDefinition.MaxDistanceKm) } },
        };
    }

    [Theory]
    [MemberData(nameof(ImplausibleTrains))]
    public async Task Should_refuse_with_400_a_train_whose_fares_day_offsets_or_distances_are_out_of_range(string why, TrainDefinition definition)
    {
        var response = await Operator.PutJsonAsync("/api/ticketing/trains/G9521", definition);

        Assert.True(ReasonCodes.InvalidRequest == await response.ReasonAsync(HttpStatusCode.BadRequest), why);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/api/ticketing/trains/G9521")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/ticketing/search?from=VNP&to=AOH&date=2026-03-10")).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_quota_above_the_seats_of_the_class()
    {
        var definition = Timetable(("VNP", null, "10:00", 0), ("JGK", "11:30", "11:32", 0), ("AOH", "14:45", null, 0)); // 10 second-class seats
        (await Operator.PutJsonAsync("/api/ticketing/trains/G9522", definition)).EnsureSuccessStatusCode();

        var tooMany = await Operator.PostJsonAsync("/api/ticketing/runs/G9522/2026-03-10/allotments", new AllotmentInput("Second", null, null, 11));
        var all = await Operator.PostJsonAsync("/api/ticketing/runs/G9522/2026-03-10/allotments", new AllotmentInput("Second", null, null, 10))
            .ReadAsync<AllotmentView>(HttpStatusCode.Created);
        var raised = await Operator.PutJsonAsync($"/api/ticketing/runs/G9522/2026-03-10/allotments/{all.Id}", new QuotaInput(int.MaxValue));

        Assert.Equal(ReasonCodes.InvalidRequest, await tooMany.ReasonAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ReasonCodes.InvalidRequest, await raised.ReasonAsync(HttpStatusCode.BadRequest));
        Assert.Equal(10, Assert.Single((await Operator.GetAsync("/api/ticketing/runs/G9522/2026-03-10").ReadAsync<RunView>()).Allotments).Quota);
    }

    [Fact]
    public async Task Should_leave_out_a_train_with_an_impossible_stored_day_offset_and_still_answer_the_search()
    {
        var definition = Timetable(("VNP", null, "10:00", 0), ("JGK", "11:30", "11:32", 0), ("AOH", "14:45", null, 0));
        (await Operator.PutJsonAsync("/api/ticketing/trains/G9523", definition)).EnsureSuccessStatusCode();
        (await Operator.PutJsonAsync("/api/ticketing/trains/G9524", definition)).EnsureSuccessStatusCode();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // A row the API no longer accepts, as an older version or a hand-made fix could have stored it.
            var db = scope.ServiceProvider.GetRequiredService<Data.TicketingDbContext>();
            await db.TrainStops.Where(s => s.TrainNumber == "G9523" && s.Sequence == 0).ExecuteUpdateAsync(u => u.SetProperty(s => s.DayOffset, 3_000_000));
            await scope.ServiceProvider.GetRequiredService<SearchReadModel>().ReloadAsync(db, default);
        }

        var result = await factory.CreateClient().GetAsync("/api/ticketing/search?from=VNP&to=AOH&date=2026-03-10").ReadAsync<SearchResponse>();

        Assert.Contains(result.Trains, t => t.TrainNumber == "G9524");
        Assert.DoesNotContain(result.Trains, t => t.TrainNumber == "G9523");
    }

    private static TrainDefinition Timetable(params (string Station, string? Arrives, string? Departs, int DayOffset)[] stops)
    {
        var km = Seed.ReferenceData.BeijingShanghaiHighSpeed;
        return new TrainDefinition(
            [.. stops.Select(s => new StopInput(s.Station, s.Arrives is null ? null : TimeOnly.Parse(s.Arrives, CultureInfo.InvariantCulture), s.Departs is null ? null : TimeOnly.Parse(s.Departs, CultureInfo.InvariantCulture), s.DayOffset, km.KmFrom(s.Station)))],
            [new CarInput(3, SeatClass.Second, 2, "ABCDF")],
            null);
    }

    /// <summary>A money-paid window sale on 2026-03-10, Beijing South→Shanghai Hongqiao.</summary>
    private async Task<TicketView> SellAsync(string train, string passenger) =>
        await Operator.PostJsonAsync("/api/ticketing/tickets", new SaleRequest(await factory.KnownMemberAsync(), passenger, "测试", "1101**********0008", train, new DateOnly(2026, 3, 10), "VNP", "AOH", "Second"))
            .ReadAsync<TicketView>(HttpStatusCode.Created);

    private async Task<ClassOffer> SecondClassAsync(string train, string from, string to)
    {
        var result = await factory.CreateClient().GetAsync($"/api/ticketing/search?from={from}&to={to}&date=2026-03-10").ReadAsync<SearchResponse>();
        return result.Trains.Single(t => t.TrainNumber == train).Classes.Single(c => c.SeatClass == SeatClass.Second);
    }

    private async Task<decimal> SecondClassFareAsync(string train, string from, string to) => (await SecondClassAsync(train, from, to)).Fare;

    private async Task<List<string>> StationCodesAsync(string q)
    {
        var stations = await factory.CreateClient().GetAsync($"/api/ticketing/stations?q={Uri.EscapeDataString(q)}").ReadAsync<List<StationView>>();
        return [.. stations.Select(s => s.Code)];
    }
}
