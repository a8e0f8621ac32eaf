using System.Net;
using System.Net.Http.Json;
using Changxing.Contracts;
using Changxing.Contracts.Points;
using Changxing.Points.Accrual;
using Changxing.Points.BackRegistration;
using Changxing.Points.Ledger;
using Changxing.ServiceDefaults.Auth;
using Changxing.TestSupport;
using MassTransit.Testing;

namespace Changxing.Points.Tests;

/// <summary>补登: an operator registers a missing trip up to 90 days after departure, never twice.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class BackRegistrationApiSpecs(PointsApiFactory factory) : IClassFixture<PointsApiFactory>
{
    private HttpClient Operator => factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Operator);

    private BackRegistrationRequest Trip(Guid memberId, int daysAgo, string paymentMethod = PaymentMethod.Money) =>
        new(PointsApiFactory.NewTicketNumber(), memberId, 88.5m, factory.Today.AddDays(-daysAgo), paymentMethod);

    [Fact]
    public async Task Should_back_register_a_trip_on_day_90()
    {
        var member = await factory.ActivateMemberAsync();
        var request = Trip(member, 89); // the departure day is day 1

        var response = await Operator.PostAsJsonAsync("/api/points/back-registrations", request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<BackRegistrationResponse>();
        Assert.Equal(443, body!.Points); // 442.5 rounded half up
        Assert.Equal(factory.Today.AddMonths(12), body.ExpiresOn); // 12 months from the credit day, not the trip
        await factory.PublishedAsync<PointsCredited>(m => m.TicketNumber == request.TicketNumber && m.Source == CreditSource.BackRegistration);
        var statement = await factory.CreateClientFor(member).GetFromJsonAsync<StatementPage>("/api/points/me/statement");
        Assert.Equal("BackRegistered", Assert.Single(statement!.Items).Kind);
    }

    [Theory]
    [InlineData(60, AccrualRule.BasePointsPerYuan)] // 59 on the trip: not yet a senior
    [InlineData(14, AccrualRule.BasePointsPerYuan)] // 13 on the trip: not yet a youth
    [InlineData(29, AccrualRule.YouthPointsPerYuan)] // 28 on the trip: still a youth
    public async Task Should_earn_by_the_age_on_the_departure_date_not_on_the_back_registration_day(int ageReachedAfterTheTrip, int pointsPerYuan)
    {
        var departure = factory.Today.AddDays(-60);
        var birthdayAfterTheTrip = factory.Today.AddDays(-30);
        var member = await factory.ActivateMemberAsync(birthdayAfterTheTrip.AddYears(-ageReachedAfterTheTrip));
        var request = new BackRegistrationRequest(PointsApiFactory.NewTicketNumber(), member, 100m, departure, PaymentMethod.Money);

        var response = await Operator.PostAsJsonAsync("/api/points/back-registrations", request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(100 * pointsPerYuan, (await response.Content.ReadFromJsonAsync<BackRegistrationResponse>())!.Points);
    }

    [Fact]
    public async Task Should_refuse_a_back_registration_on_day_91()
    {
        var member = await factory.ActivateMemberAsync();

        var response = await Operator.PostAsJsonAsync("/api/points/back-registrations", Trip(member, 90));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ReasonCodes.BackRegistrationTooLate);
        Assert.Equal(90, problem.GetProperty("daysAfterDeparture").GetInt32());
        Assert.Equal(91, problem.GetProperty("dayOfWindow").GetInt32());
        Assert.Equal(0, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Fact]
    public async Task Should_refuse_a_ticket_that_was_already_credited()
    {
        var member = await factory.ActivateMemberAsync();
        var request = Trip(member, 3);
        await factory.Harness.Bus.Publish(new TripCompleted(request.TicketNumber!, member, request.FacePrice, request.DepartureDate, PaymentMethod.Money, factory.Clock.GetUtcNow()));
        await factory.PublishedAsync<PointsCredited>(m => m.TicketNumber == request.TicketNumber);

        var again = await Operator.PostAsJsonAsync("/api/points/back-registrations", request);

        await again.ProblemAsync(HttpStatusCode.Conflict, ReasonCodes.AlreadyCredited);
        Assert.Equal(443, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Fact]
    public async Task Should_refuse_a_second_back_registration_of_the_same_ticket()
    {
        var member = await factory.ActivateMemberAsync();
        var request = Trip(member, 10);

        Assert.Equal(HttpStatusCode.Created, (await Operator.PostAsJsonAsync("/api/points/back-registrations", request)).StatusCode);
        await (await Operator.PostAsJsonAsync("/api/points/back-registrations", request)).ProblemAsync(HttpStatusCode.Conflict, ReasonCodes.AlreadyCredited);
    }

    [Theory]
    [InlineData("20000.01")]
    [InlineData("1e9")]
    [InlineData("1e17")]
    [InlineData("1.8e18")]
    [InlineData("2e18")]
    [InlineData("-1")]
    public async Task Should_refuse_a_face_price_outside_0_to_20000_yuan_with_400_and_credit_nothing(string facePrice)
    {
        var member = await factory.ActivateMemberAsync();
        var json = $$"""{"ticketNumber":"{{PointsApiFactory.NewTicketNumber()}}","memberId":"{{member}}","facePrice":{{facePrice}},"departureDate":"{{factory.Today.AddDays(-1):yyyy-MM-dd}}"}""";

        var response = await Operator.PostAsync("/api/points/back-registrations", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.ProblemAsync(HttpStatusCode.BadRequest, ReasonCodes.InvalidRequest);
        var balance = (await factory.BalanceAsync(member))!;
        Assert.Equal((0, 0), (balance.Available, balance.LifetimeCredited));
    }

    [Fact]
    public async Task Should_credit_the_dearest_plausible_face_price_of_20000_yuan()
    {
        var member = await factory.ActivateMemberAsync();

        var response = await Operator.PostAsJsonAsync("/api/points/back-registrations", Trip(member, 1) with { FacePrice = FacePrice.MaximumYuan });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(100_000, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Fact]
    public async Task Should_refuse_the_same_ticket_typed_in_lower_case_full_width_or_with_spaces_as_already_credited()
    {
        var member = await factory.ActivateMemberAsync();
        var request = Trip(member, 5);
        var number = request.TicketNumber!;
        var fullWidth = string.Concat(number.Select(c => (char)(c + 0xFEE0))); // Ｅ２９…

        Assert.Equal(HttpStatusCode.Created, (await Operator.PostAsJsonAsync("/api/points/back-registrations", request)).StatusCode);
        foreach (var spelling in new[] { number.ToLowerInvariant(), fullWidth, "  " + number + "\t" })
        {
            await (await Operator.PostAsJsonAsync("/api/points/back-registrations", request with { TicketNumber = spelling }))
                .ProblemAsync(HttpStatusCode.Conflict, ReasonCodes.AlreadyCredited);
        }

        Assert.Equal(443, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Theory]
    [InlineData("E1\\u0000\\u0007")]
    [InlineData("E291536511\\u200B")]
    [InlineData("E12345678")]
    [InlineData("EE291536511")]
    [InlineData("\\u0415291536511")] // Cyrillic Е, a look-alike NFKC keeps apart
    public async Task Should_refuse_a_ticket_number_that_is_not_a_letter_and_9_to_15_digits(string typed)
    {
        var member = await factory.ActivateMemberAsync();

        var response = await Operator.PostAsJsonAsync("/api/points/back-registrations", Trip(member, 1) with { TicketNumber = System.Text.RegularExpressions.Regex.Unescape(typed) });

        await response.ProblemAsync(HttpStatusCode.BadRequest, ReasonCodes.InvalidRequest);
        Assert.Equal(0, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Fact]
    public async Task Should_refuse_a_trip_that_has_not_departed_yet()
    {
        var member = await factory.ActivateMemberAsync();

        var response = await Operator.PostAsJsonAsync("/api/points/back-registrations", Trip(member, -14));

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ReasonCodes.TripNotYetDeparted);
        Assert.Equal(0, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Fact]
    public async Task Should_refuse_points_paid_tickets_and_unknown_members()
    {
        var member = await factory.ActivateMemberAsync();

        await (await Operator.PostAsJsonAsync("/api/points/back-registrations", Trip(member, 1, PaymentMethod.Points)))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, ReasonCodes.InvalidRequest);
        await (await Operator.PostAsJsonAsync("/api/points/back-registrations", Trip(Guid.NewGuid(), 1)))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, ReasonCodes.MemberNotActive);
    }

    [Fact]
    public async Task Should_let_only_operators_back_register()
    {
        var member = await factory.ActivateMemberAsync();

        var response = await factory.CreateClientFor(member).PostAsJsonAsync("/api/points/back-registrations", Trip(member, 1));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
