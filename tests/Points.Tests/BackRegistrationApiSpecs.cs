using System.Net;
using System.Net.Http.Json;
using Changxing.Contracts;
using Changxing.Contracts.Points;
using Changxing.Contracts.Ticketing;
using Changxing.Points.Accrual;
using Changxing.Points.BackRegistration;
using Changxing.Points.Ledger;
using Changxing.ServiceDefaults.Auth;
using Changxing.TestSupport;
using MassTransit.Testing;

namespace Changxing.Points.Tests;

/// <summary>
/// 补登: an operator names a ticket and a member; Points asks Ticketing (faked on the in-memory bus) for the ticket's
/// facts and credits from them, up to 90 days after departure, never twice.
/// </summary>
[Trait("Category", TestCategories.Database)]
public sealed class BackRegistrationApiSpecs(PointsApiFactory factory) : IClassFixture<PointsApiFactory>
{
    private HttpClient Operator => factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Operator);

    /// <summary>A money-paid ticket of 88.5 yuan that departed <paramref name="daysAgo"/> days ago, as Ticketing knows it.</summary>
    private TicketFacts Sold(Guid memberId, int daysAgo, string paymentMethod = PaymentMethod.Money, string status = TicketFactStatus.Issued) =>
        factory.Ticketing.Sell(memberId, 88.5m, factory.Today.AddDays(-daysAgo), paymentMethod, status);

    private Task<HttpResponseMessage> BackRegisterAsync(string ticketNumber, Guid memberId) =>
        Operator.PostAsJsonAsync("/api/points/back-registrations", new BackRegistrationRequest(ticketNumber, memberId));

    [Fact]
    public async Task Should_back_register_a_trip_on_day_90()
    {
        var member = await factory.ActivateMemberAsync();
        var ticket = Sold(member, 89); // the departure day is day 1

        var response = await BackRegisterAsync(ticket.TicketNumber, member);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<BackRegistrationResponse>();
        Assert.Equal(443, body!.Points); // 442.5 rounded half up
        Assert.Equal(factory.Today.AddMonths(12), body.ExpiresOn); // 12 months from the credit day, not the trip
        await factory.PublishedAsync<PointsCredited>(m => m.TicketNumber == ticket.TicketNumber && m.Source == CreditSource.BackRegistration);
        var statement = await factory.CreateClientFor(member).GetFromJsonAsync<StatementPage>("/api/points/me/statement");
        Assert.Equal("BackRegistered", Assert.Single(statement!.Items).Kind);
    }

    [Fact]
    public async Task Should_credit_Ticketings_face_price_and_departure_not_what_the_form_claims()
    {
        var member = await factory.ActivateMemberAsync();
        var ticket = Sold(member, 2);
        var json = $$"""{"ticketNumber":"{{ticket.TicketNumber}}","memberId":"{{member}}","facePrice":20000,"departureDate":"{{factory.Today.AddDays(-200):yyyy-MM-dd}}","paymentMethod":"Points"}""";

        var response = await Operator.PostAsync("/api/points/back-registrations", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(443, (await response.Content.ReadFromJsonAsync<BackRegistrationResponse>())!.Points); // 88.5 yuan x 5, not 20,000 x 5
        Assert.Equal(443, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Theory]
    [InlineData(60, AccrualRule.BasePointsPerYuan)] // 59 on the trip: not yet a senior
    [InlineData(14, AccrualRule.BasePointsPerYuan)] // 13 on the trip: not yet a youth
    [InlineData(29, AccrualRule.YouthPointsPerYuan)] // 28 on the trip: still a youth
    public async Task Should_earn_by_the_age_on_the_departure_date_not_on_the_back_registration_day(int ageReachedAfterTheTrip, int pointsPerYuan)
    {
        var birthdayAfterTheTrip = factory.Today.AddDays(-30);
        var member = await factory.ActivateMemberAsync(birthdayAfterTheTrip.AddYears(-ageReachedAfterTheTrip));
        var ticket = factory.Ticketing.Sell(member, 100m, factory.Today.AddDays(-60));

        var response = await BackRegisterAsync(ticket.TicketNumber, member);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(100 * pointsPerYuan, (await response.Content.ReadFromJsonAsync<BackRegistrationResponse>())!.Points);
    }

    [Fact]
    public async Task Should_refuse_a_back_registration_on_day_91()
    {
        var member = await factory.ActivateMemberAsync();

        var response = await BackRegisterAsync(Sold(member, 90).TicketNumber, member);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ReasonCodes.BackRegistrationTooLate);
        Assert.Equal(90, problem.GetProperty("daysAfterDeparture").GetInt32());
        Assert.Equal(91, problem.GetProperty("dayOfWindow").GetInt32());
        Assert.Equal(0, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Fact]
    public async Task Should_refuse_a_ticket_that_was_already_credited()
    {
        var member = await factory.ActivateMemberAsync();
        var ticket = Sold(member, 3);
        await factory.Harness.Bus.Publish(new TripCompleted(ticket.TicketNumber, member, ticket.FacePrice, ticket.DepartureDate, PaymentMethod.Money, factory.Clock.GetUtcNow()));
        await factory.PublishedAsync<PointsCredited>(m => m.TicketNumber == ticket.TicketNumber);

        var again = await BackRegisterAsync(ticket.TicketNumber, member);

        await again.ProblemAsync(HttpStatusCode.Conflict, ReasonCodes.AlreadyCredited);
        Assert.Equal(443, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Fact]
    public async Task Should_refuse_a_second_back_registration_of_the_same_ticket()
    {
        var member = await factory.ActivateMemberAsync();
        var ticket = Sold(member, 10);

        Assert.Equal(HttpStatusCode.Created, (await BackRegisterAsync(ticket.TicketNumber, member)).StatusCode);
        await (await BackRegisterAsync(ticket.TicketNumber, member)).ProblemAsync(HttpStatusCode.Conflict, ReasonCodes.AlreadyCredited);
    }

    [Fact]
    public async Task Should_refuse_the_same_ticket_typed_in_lower_case_full_width_or_with_spaces_as_already_credited()
    {
        var member = await factory.ActivateMemberAsync();
        var number = Sold(member, 5).TicketNumber;
        var fullWidth = string.Concat(number.Select(c => (char)(c + 0xFEE0))); // Ｅ２９…

        Assert.Equal(HttpStatusCode.Created, (await BackRegisterAsync(number, member)).StatusCode);
        foreach (var spelling in new[] { number.ToLowerInvariant(), fullWidth, "  " + number + "\t" })
        {
            await (await BackRegisterAsync(spelling, member)).ProblemAsync(HttpStatusCode.Conflict, ReasonCodes.AlreadyCredited);
        }

        Assert.Equal(443, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Fact]
    public async Task Should_credit_a_ticket_first_typed_in_another_spelling_under_its_one_number()
    {
        var member = await factory.ActivateMemberAsync();
        var number = Sold(member, 5).TicketNumber;

        var response = await BackRegisterAsync(" " + number.ToLowerInvariant(), member);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(number, (await response.Content.ReadFromJsonAsync<BackRegistrationResponse>())!.TicketNumber);
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

        var response = await BackRegisterAsync(System.Text.RegularExpressions.Regex.Unescape(typed), member);

        await response.ProblemAsync(HttpStatusCode.BadRequest, ReasonCodes.InvalidRequest);
        Assert.Equal(0, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Fact]
    public async Task Should_refuse_a_ticket_Ticketing_does_not_know()
    {
        var member = await factory.ActivateMemberAsync();

        var response = await BackRegisterAsync(PointsApiFactory.NewTicketNumber(), member);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ReasonCodes.TicketUnknown);
        Assert.Equal(0, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Fact]
    public async Task Should_refuse_another_members_ticket()
    {
        var member = await factory.ActivateMemberAsync();
        var traveller = await factory.ActivateMemberAsync();

        var response = await BackRegisterAsync(Sold(traveller, 1).TicketNumber, member);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ReasonCodes.TicketOfAnotherMember);
        Assert.Equal((0, 0), ((await factory.BalanceAsync(member))!.LifetimeCredited, (await factory.BalanceAsync(traveller))!.LifetimeCredited));
    }

    [Fact]
    public async Task Should_refuse_a_voided_or_refunded_ticket()
    {
        var member = await factory.ActivateMemberAsync();

        var response = await BackRegisterAsync(Sold(member, 1, status: TicketFactStatus.Voided).TicketNumber, member);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ReasonCodes.TicketVoided);
        Assert.Equal(0, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Fact]
    public async Task Should_refuse_a_ticket_Ticketing_says_was_paid_with_points()
    {
        var member = await factory.ActivateMemberAsync();

        var response = await BackRegisterAsync(Sold(member, 1, PaymentMethod.Points).TicketNumber, member);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ReasonCodes.TicketPaidWithPoints);
        Assert.Equal(0, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Fact]
    public async Task Should_refuse_a_trip_that_has_not_departed_yet()
    {
        var member = await factory.ActivateMemberAsync();

        var response = await BackRegisterAsync(Sold(member, -14).TicketNumber, member);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ReasonCodes.TripNotYetDeparted);
        Assert.Equal(0, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Fact]
    public async Task Should_refuse_a_trip_departing_later_today_until_its_train_has_left()
    {
        var member = await factory.ActivateMemberAsync();
        var ticket = factory.Ticketing.Sell(member, 88.5m, factory.Today, departsAt: factory.Clock.GetUtcNow().AddMinutes(30));

        var response = await BackRegisterAsync(ticket.TicketNumber, member);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ReasonCodes.TripNotYetDeparted);
        Assert.Equal(0, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Fact]
    public async Task Should_refuse_a_ticket_of_a_member_Points_does_not_know()
    {
        var stranger = Guid.NewGuid();

        var response = await BackRegisterAsync(Sold(stranger, 1).TicketNumber, stranger);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, ReasonCodes.MemberNotActive);
    }

    [Fact]
    public async Task Should_answer_503_and_credit_nothing_when_Ticketing_does_not_answer_in_time()
    {
        var member = await factory.ActivateMemberAsync();

        var response = await BackRegisterAsync(factory.Ticketing.Silent(), member);

        await response.ProblemAsync(HttpStatusCode.ServiceUnavailable, ReasonCodes.DownstreamUnavailable);
        Assert.Equal(0, (await factory.BalanceAsync(member))!.LifetimeCredited);
    }

    [Fact]
    public async Task Should_let_only_operators_back_register()
    {
        var member = await factory.ActivateMemberAsync();

        var response = await factory.CreateClientFor(member).PostAsJsonAsync("/api/points/back-registrations", new BackRegistrationRequest(Sold(member, 1).TicketNumber, member));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
