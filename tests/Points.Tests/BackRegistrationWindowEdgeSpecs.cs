using System.Net;
using System.Net.Http.Json;
using Changxing.Contracts;
using Changxing.Points.BackRegistration;
using Changxing.ServiceDefaults.Auth;
using Changxing.TestSupport;

namespace Changxing.Points.Tests;

/// <summary>
/// Issue #16: the 补登 window closes at the end of day 90 in China Standard Time, the departure day counted as day 1.
/// Its own fixture, because these tests set the fake clock to instants around midnight in Beijing (16:00 UTC).
/// </summary>
[Trait("Category", TestCategories.Database)]
public sealed class BackRegistrationWindowEdgeSpecs(PointsApiFactory factory) : IClassFixture<PointsApiFactory>
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>The next midnight in Beijing at least a day ahead of the fake clock (16:00 UTC the day before).</summary>
    private DateTimeOffset NextBeijingMidnight()
    {
        var beijingNow = factory.Clock.GetUtcNow().ToOffset(ChinaStandardTime);
        return new DateTimeOffset(beijingNow.Date.AddDays(2), ChinaStandardTime).ToUniversalTime();
    }

    /// <summary>A 100-yuan ticket Ticketing knows, departing on <paramref name="departure"/> (10:00 Beijing unless <paramref name="departsAt"/>).</summary>
    private Task<HttpResponseMessage> BackRegisterAsync(Guid member, DateOnly departure, DateTimeOffset? departsAt = null) =>
        factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Operator).PostAsJsonAsync(
            "/api/points/back-registrations",
            new BackRegistrationRequest(factory.Ticketing.Sell(member, 100m, departure, departsAt: departsAt).TicketNumber, member));

    [Fact]
    public async Task Should_accept_day_90_until_midnight_in_Beijing_and_refuse_day_91_from_then_on()
    {
        var member = await factory.ActivateMemberAsync();
        var day91Starts = NextBeijingMidnight(); // 16:00 UTC
        var departure = DateOnly.FromDateTime(day91Starts.ToOffset(ChinaStandardTime).DateTime).AddDays(-BackRegistrationWindow.LastDay);

        factory.Clock.SetUtcNow(day91Starts.AddSeconds(-1)); // 23:59:59 in Beijing on day 90
        var lastSecondOfDay90 = await BackRegisterAsync(member, departure);
        factory.Clock.SetUtcNow(day91Starts); // 00:00:00 in Beijing on day 91
        var firstSecondOfDay91 = await BackRegisterAsync(member, departure);
        factory.Clock.SetUtcNow(day91Starts.AddHours(7).AddMinutes(59)); // 23:59 UTC: still day 90's date in UTC, day 91 in Beijing
        var beforeMidnightUtc = await BackRegisterAsync(member, departure);

        Assert.Equal(HttpStatusCode.Created, lastSecondOfDay90.StatusCode);
        var refused = await firstSecondOfDay91.ProblemAsync(HttpStatusCode.UnprocessableEntity, ReasonCodes.BackRegistrationTooLate);
        Assert.Equal(91, refused.GetProperty("dayOfWindow").GetInt32());
        await beforeMidnightUtc.ProblemAsync(HttpStatusCode.UnprocessableEntity, ReasonCodes.BackRegistrationTooLate);
        Assert.Equal(500, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Fact]
    public async Task Should_accept_a_trip_on_its_departure_day_in_Beijing_while_it_is_still_the_day_before_in_UTC()
    {
        var member = await factory.ActivateMemberAsync();
        var departureDayStarts = NextBeijingMidnight();
        var departure = DateOnly.FromDateTime(departureDayStarts.ToOffset(ChinaStandardTime).DateTime);

        var departsAt = departureDayStarts.AddMinutes(15); // a night train leaving at 00:15 in Beijing

        factory.Clock.SetUtcNow(departureDayStarts.AddSeconds(-1)); // 23:59:59 in Beijing the day before: not yet departed
        var dayBefore = await BackRegisterAsync(member, departure, departsAt);
        factory.Clock.SetUtcNow(departureDayStarts.AddMinutes(30)); // 16:30 UTC the day before, 00:30 in Beijing: day 1
        var day1 = await BackRegisterAsync(member, departure, departsAt);

        await dayBefore.ProblemAsync(HttpStatusCode.UnprocessableEntity, ReasonCodes.TripNotYetDeparted);
        Assert.Equal(HttpStatusCode.Created, day1.StatusCode);
    }
}
