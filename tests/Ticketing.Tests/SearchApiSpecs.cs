using System.Net;
using Changxing.Contracts;
using Changxing.ServiceDefaults.Auth;
using Changxing.TestSupport;
using Changxing.Ticketing.Allotments;
using Changxing.Ticketing.Inventory;
using Changxing.Ticketing.Search;
using Changxing.Ticketing.Trains;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

/// <summary>The clock is 2026-03-01 09:00 Beijing time.</summary>
[Trait("Category", TestCategories.Database)]
public class SearchApiSpecs(TicketingApiFactory factory) : IClassFixture<TicketingApiFactory>
{
    [Fact]
    public async Task Should_list_the_trains_from_Beijing_South_to_Shanghai_Hongqiao_with_times_fares_and_seats_left()
    {
        var result = await factory.CreateClient().GetAsync("/api/ticketing/search?from=VNP&to=AOH&date=2026-03-05").ReadAsync<SearchResponse>();

        Assert.Equal("北京南", result.From.Name);
        Assert.Equal(["G101", "G1", "G105", "G111", "G115", "G5", "G7"], result.Trains.Where(t => Seed.ReferenceData.IsSeeded(t.TrainNumber)).Select(t => t.TrainNumber));
        var g1 = result.Trains.Single(t => t.TrainNumber == "G1");
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 7, 0, 0, TimeSpan.FromHours(8)), g1.DepartsAt);
        Assert.Equal((int)(g1.ArrivesAt - g1.DepartsAt).TotalMinutes, g1.DurationMinutes);
        Assert.Equal(["Business", "First", "Second"], g1.Classes.Select(c => c.SeatClass));
        var second = g1.Classes.Single(c => c.SeatClass == "Second");
        Assert.Equal(553m, second.Fare);
        Assert.Equal(540, second.SeatsLeft);
        Assert.Equal("二等座", second.SeatClassName);
        Assert.Equal(result.Trains.OrderBy(t => t.DepartsAt).Select(t => t.TrainNumber), result.Trains.Select(t => t.TrainNumber));
    }

    [Fact]
    public async Task Should_find_the_overnight_sleeper_that_left_Beijing_the_evening_before_when_searching_from_Jinan()
    {
        var result = await factory.CreateClient().GetAsync("/api/ticketing/search?from=JNK&to=SHH&date=2026-03-05").ReadAsync<SearchResponse>();

        var t109 = result.Trains.Single(t => t.TrainNumber == "T109");
        Assert.Equal(new DateOnly(2026, 3, 5), DateOnly.FromDateTime(t109.DepartsAt.DateTime));
        Assert.True(t109.DepartsAt.Hour < 6, "T109 passes Jinan after midnight");
        Assert.Equal(["SoftSleeper", "HardSleeper"], t109.Classes.Select(c => c.SeatClass));
    }

    [Fact]
    public async Task Should_show_the_overnight_sleeper_from_Beijing_arriving_in_Shanghai_the_next_morning_with_a_positive_duration()
    {
        var result = await factory.CreateClient().GetAsync("/api/ticketing/search?from=BJP&to=SHH&date=2026-03-05").ReadAsync<SearchResponse>();

        var t109 = result.Trains.Single(t => t.TrainNumber == "T109");
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 20, 5, 0, TimeSpan.FromHours(8)), t109.DepartsAt);
        Assert.Equal(new DateOnly(2026, 3, 6), DateOnly.FromDateTime(t109.ArrivesAt.DateTime));
        Assert.Equal(TimeSpan.FromHours(8), t109.ArrivesAt.Offset);
        Assert.InRange(t109.DurationMinutes, 10 * 60, 16 * 60);
        Assert.Equal((int)(t109.ArrivesAt - t109.DepartsAt).TotalMinutes, t109.DurationMinutes);
    }

    [Fact]
    public async Task Should_price_a_part_journey_from_its_own_distance()
    {
        var result = await factory.CreateClient().GetAsync("/api/ticketing/search?from=VNP&to=JGK&date=2026-03-05").ReadAsync<SearchResponse>();

        // 北京南→济南西 is 406 km: 406 x 0.4196 yuan = 170.36, priced to the half yuan like 12306.
        var g1 = result.Trains.Single(t => t.TrainNumber == "G1");
        Assert.Equal(170.5m, g1.Classes.Single(c => c.SeatClass == "Second").Fare);
        Assert.Equal(FareTable.Price("G", SeatClass.First, 406), g1.Classes.Single(c => c.SeatClass == "First").Fare);
    }

    [Fact]
    public async Task Should_answer_400_for_an_unknown_station()
    {
        var response = await factory.CreateClient().GetAsync("/api/ticketing/search?from=VNP&to=XYZ&date=2026-03-05");

        Assert.Equal(ReasonCodes.UnknownStation, await response.ReasonAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Should_answer_400_for_a_date_in_the_past()
    {
        var response = await factory.CreateClient().GetAsync("/api/ticketing/search?from=VNP&to=AOH&date=2026-02-28");

        Assert.Equal(ReasonCodes.InvalidRequest, await response.ReasonAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Should_answer_400_when_the_to_station_comes_before_the_from_station_on_the_train()
    {
        var client = factory.CreateClient();

        var search = await client.GetAsync("/api/ticketing/search?from=AOH&to=VNP&date=2026-03-05&train=G1");
        var quote = await client.GetAsync("/api/ticketing/quote?train=G1&seatClass=Second&from=AOH&to=VNP&date=2026-03-05");

        Assert.Equal(ReasonCodes.InvalidRequest, await search.ReasonAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ReasonCodes.InvalidRequest, await quote.ReasonAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Should_show_the_redemption_mark_only_where_train_date_class_and_stations_match_an_allotment_with_quota_left()
    {
        var operatorClient = factory.CreateClientFor(Guid.NewGuid(), Roles.Operator);
        var definition = new TrainDefinition(
            [new StopInput("VNP", null, new TimeOnly(10, 0), 0, 0), new StopInput("JGK", new TimeOnly(11, 30), new TimeOnly(11, 32), 0, 406),
             new StopInput("NKH", new TimeOnly(13, 40), new TimeOnly(13, 42), 0, 1023), new StopInput("AOH", new TimeOnly(14, 45), null, 0, 1318)],
            [new CarInput(1, SeatClass.First, 1, "ACDF"), new CarInput(2, SeatClass.Second, 2, "ABCDF")],
            null);
        (await operatorClient.PutJsonAsync("/api/ticketing/trains/G9201", definition)).EnsureSuccessStatusCode();
        (await operatorClient.PostJsonAsync("/api/ticketing/runs/G9201/2026-03-10/allotments", new AllotmentInput("Second", "VNP", null, 1)))
            .EnsureSuccessStatusCode();

        var matching = await SearchG9201Async("VNP", "AOH", "2026-03-10");
        Assert.Equal(RedemptionPricing.Mark, matching.Single(c => c.SeatClass == "Second").Mark);
        Assert.Equal(55300, matching.Single(c => c.SeatClass == "Second").PointsPrice);
        Assert.Null(matching.Single(c => c.SeatClass == "First").Mark);
        Assert.Null((await SearchG9201Async("JGK", "AOH", "2026-03-10")).Single(c => c.SeatClass == "Second").Mark);
        Assert.Null((await SearchG9201Async("VNP", "AOH", "2026-03-11")).Single(c => c.SeatClass == "Second").Mark);
        Assert.Null((await SearchG9201Async("VNP", "AOH", "2026-03-10", "Return")).Single(c => c.SeatClass == "Second").Mark);
        (await operatorClient.PutJsonAsync("/api/ticketing/trains/G9202", definition)).EnsureSuccessStatusCode();
        Assert.Null((await SearchTrainAsync("G9202", "VNP", "AOH", "2026-03-10")).Single(c => c.SeatClass == "Second").Mark);

        // Restricted to alighting at 南京南: only segments ending there show it, wherever they board.
        (await operatorClient.PostJsonAsync("/api/ticketing/runs/G9201/2026-03-12/allotments", new AllotmentInput("Second", null, "NKH", 5)))
            .EnsureSuccessStatusCode();
        Assert.Equal(RedemptionPricing.Mark, (await SearchG9201Async("VNP", "NKH", "2026-03-12")).Single(c => c.SeatClass == "Second").Mark);
        Assert.Equal(RedemptionPricing.Mark, (await SearchG9201Async("JGK", "NKH", "2026-03-12")).Single(c => c.SeatClass == "Second").Mark);
        Assert.Null((await SearchG9201Async("VNP", "AOH", "2026-03-12")).Single(c => c.SeatClass == "Second").Mark);
        Assert.Null((await SearchG9201Async("VNP", "JGK", "2026-03-12")).Single(c => c.SeatClass == "Second").Mark);
        Assert.Null((await SearchG9201Async("NKH", "AOH", "2026-03-12")).Single(c => c.SeatClass == "Second").Mark);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var hold = await scope.ServiceProvider.GetRequiredService<SeatInventory>().HoldAsync(
                new HoldRequest(Guid.NewGuid(), Guid.NewGuid(), "G9201", new DateOnly(2026, 3, 10), "VNP", "NKH", "Second", "p-quota"), default);
            Assert.NotNull(hold.Value);
        }

        var used = (await SearchG9201Async("VNP", "AOH", "2026-03-10")).Single(c => c.SeatClass == "Second");
        Assert.Null(used.Mark);
        Assert.False(used.Redeemable);
        Assert.Equal(9, used.SeatsLeft);
        var quote = await factory.CreateClient().GetAsync("/api/ticketing/quote?train=G9201&seatClass=Second&from=VNP&to=AOH&date=2026-03-10");
        Assert.Equal(ReasonCodes.QuotaExhausted, await quote.ReasonAsync(HttpStatusCode.UnprocessableEntity));
    }

    [Fact]
    public async Task Should_refuse_to_price_a_return_leg_in_points()
    {
        var response = await factory.CreateClient().GetAsync("/api/ticketing/quote?train=G1&seatClass=Second&from=VNP&to=AOH&date=2026-03-05&trip=Return");

        Assert.Equal(ReasonCodes.RoundTripNotAllowed, await response.ReasonAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Should_let_only_operators_change_reference_data()
    {
        var member = factory.CreateClientFor(Guid.NewGuid());

        var asMember = await member.PutJsonAsync("/api/ticketing/stations/ABC", new { name = "测试", pinyin = "Ceshi" });
        var anonymous = await factory.CreateClient().PutJsonAsync("/api/ticketing/stations/ABC", new { name = "测试", pinyin = "Ceshi" });

        Assert.Equal(HttpStatusCode.Forbidden, asMember.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_station_name_or_pinyin_longer_than_its_column()
    {
        // Found by the bad-input fuzzer on PostgreSQL (issue #9): a 100 KB pinyin reached the database and answered 500.
        var operatorClient = factory.CreateClientFor(Guid.NewGuid(), Roles.Operator);

        var longName = await operatorClient.PutJsonAsync("/api/ticketing/stations/ZZA", new { name = new string('测', Stations.Station.MaxNameLength + 1), pinyin = "Ceshi" });
        var longPinyin = await operatorClient.PutJsonAsync("/api/ticketing/stations/ZZA", new { name = "测试", pinyin = new string('a', Stations.Station.MaxPinyinLength + 1) });

        Assert.Equal(ReasonCodes.InvalidRequest, await longName.ReasonAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ReasonCodes.InvalidRequest, await longPinyin.ReasonAsync(HttpStatusCode.BadRequest));
    }

    private Task<IReadOnlyList<ClassOffer>> SearchG9201Async(string from, string to, string date, string trip = "OneWay") =>
        SearchTrainAsync("G9201", from, to, date, trip);

    private async Task<IReadOnlyList<ClassOffer>> SearchTrainAsync(string train, string from, string to, string date, string trip = "OneWay")
    {
        var result = await factory.CreateClient().GetAsync($"/api/ticketing/search?from={from}&to={to}&date={date}&trip={trip}").ReadAsync<SearchResponse>();
        return result.Trains.Single(t => t.TrainNumber == train).Classes;
    }
}
