using System.Net;
using System.Net.Http.Json;
using Changxing.Contracts;
using Changxing.ServiceDefaults.Auth;
using Changxing.Messaging.Sagas;
using Changxing.TestSupport;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Redemptions;
using Changxing.Ticketing.Search;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests.Redemptions;

/// <summary>
/// The redemption API through the real HTTP pipeline, with the saga persisted by the EF repository on a real
/// database (no harness, so the real repository is in use). Membership is absent: accepted redemptions wait in Authorising.
/// </summary>
[Trait("Category", TestCategories.Database)]
public sealed class RedemptionApiSpecs(ServiceApiFactory<Program> factory) : IClassFixture<ServiceApiFactory<Program>>
{
    private const string TravelDate = "2026-03-05";

    [Fact]
    public async Task Should_accept_a_redeemable_one_way_request_price_it_and_start_the_saga()
    {
        var member = Guid.NewGuid();
        using var client = factory.CreateClientFor(member);
        var (train, fare) = await RedeemableSecondClass(client);
        var sent = new TaskCompletionSource<Contracts.Membership.AuthoriseRedemption>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = factory.Services.GetRequiredService<MassTransit.IBus>().ConnectReceiveEndpoint($"membership-stand-in-{member:N}", e =>
            e.Handler<Contracts.Membership.AuthoriseRedemption>(m => Task.FromResult(m.Message.MemberId == member && sent.TrySetResult(m.Message))));
        await listener.Ready;

        using var response = await Submit(client, "key-accept", Body(train));
        var accepted = await response.ReadAsync<RedemptionView>(HttpStatusCode.Accepted);

        Assert.Equal($"/api/redemptions/{accepted.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((long)Math.Ceiling(fare * 100), accepted.Price.Points);
        var started = await Eventually.Until(
            () => client.GetAsync($"/api/redemptions/{accepted.Id}").ReadAsync<RedemptionView>(),
            r => r.State == nameof(RedemptionStateMachine.Authorising),
            because: "the redemption is stored waiting for its authorisation");
        Assert.Equal(["Submitted"], started.Timeline!.Select(e => e.Event));
        Assert.Equal(RedemptionSteps.Authorise, started.CurrentStep);
        Assert.Equal(factory.Clock.GetUtcNow() + TimeSpan.FromSeconds(30), started.StepDueAt);
        var authorise = await sent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((accepted.Id, "one-time-code"), (authorise.RedemptionId, authorise.AuthorisationCode));
        await listener.StopAsync();
    }

    [Fact]
    public async Task Should_take_the_seat_and_issue_the_ticket_in_the_transaction_that_records_the_points_reservation()
    {
        var member = Guid.NewGuid();
        using var client = factory.CreateClientFor(member);
        var (train, _) = await RedeemableSecondClass(client);
        var seatsBefore = await SeatsLeft(client, train);
        var accepted = await Submit(client, "key-ticket", Body(train)).ReadAsync<RedemptionView>(HttpStatusCode.Accepted);
        await UntilState(client, accepted.Id, nameof(RedemptionStateMachine.Authorising));
        var bus = factory.Services.GetRequiredService<MassTransit.IBus>();

        // Membership's and Points' answers; Ticketing's own seat and ticket need no message.
        await bus.Publish(new Contracts.Membership.RedemptionAuthorised(accepted.Id, member, "passenger-key-ticket", "张三", "1101**********1234"));
        await UntilState(client, accepted.Id, nameof(RedemptionStateMachine.ReservingPoints));
        await bus.Publish(new Contracts.Points.PointsReserved(accepted.Id, member, Guid.NewGuid(), accepted.Price.Points));
        var capturing = await UntilState(client, accepted.Id, nameof(RedemptionStateMachine.CapturingPoints));

        Assert.Equal(["Submitted", "Authorised", "PointsReserved", "SeatHeld", "TicketIssued"], capturing.Timeline!.Select(e => e.Event));
        Assert.Equal(RedemptionSteps.CapturePoints, capturing.CurrentStep);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.RedemptionId == accepted.Id);
        Assert.Equal((capturing.TicketNumber, capturing.Car, capturing.Seat), (ticket.TicketNumber, ticket.Car, ticket.Seat));
        Assert.Equal((PaymentMethod.Points, accepted.Price.Points), (ticket.PaymentMethod, ticket.PointsPaid));
        Assert.Equal(Inventory.HoldStatus.Ticketed, (await db.SeatHolds.AsNoTracking().SingleAsync(h => h.RedemptionId == accepted.Id)).Status);
        Assert.Equal(seatsBefore - 1, await SeatsLeft(client, train)); // the search read model, updated after the commit
    }

    [Fact]
    public async Task Should_hold_a_submission_that_prefers_to_wait_until_the_redemption_has_finished()
    {
        var member = Guid.NewGuid();
        using var client = factory.CreateClientFor(member);
        var (train, _) = await RedeemableSecondClass(client);
        var bus = factory.Services.GetRequiredService<MassTransit.IBus>();

        // The fake clock never moves here: only the saga's published outcome can end this wait.
        var submitted = Submit(client, "key-wait", Body(train), prefer: "respond-async, wait=20");
        var authorising = await Eventually.Until(
            () => client.GetAsync("/api/redemptions").ReadAsync<RedemptionPage>(),
            page => page.Items.Any(r => r.State == nameof(RedemptionStateMachine.Authorising)),
            because: "the waiting submission has stored its redemption");
        var id = authorising.Items.Single().Id;
        Assert.False(submitted.IsCompleted);
        await bus.Publish(new Contracts.Membership.RedemptionAuthorised(id, member, "passenger-key-wait", "张三", "1101**********1234"));
        var reserving = await UntilState(client, id, nameof(RedemptionStateMachine.ReservingPoints));
        await bus.Publish(new Contracts.Points.PointsReserved(id, member, Guid.NewGuid(), reserving.Price.Points));
        await UntilState(client, id, nameof(RedemptionStateMachine.CapturingPoints));
        Assert.False(submitted.IsCompleted);
        await bus.Publish(new Contracts.Points.PointsCaptured(id, member, Guid.NewGuid(), reserving.Price.Points));

        using var response = await submitted.WaitAsync(TimeSpan.FromSeconds(30));
        var finished = await response.ReadAsync<RedemptionView>(HttpStatusCode.Accepted);
        Assert.Equal((id, nameof(RedemptionStateMachine.Completed), true), (finished.Id, finished.State, finished.Finished));
        Assert.NotNull(finished.TicketNumber);
        Assert.Equal("wait=20", Assert.Single(response.Headers.GetValues(RedemptionWait.PreferenceAppliedHeader)));
        Assert.Equal(0, factory.Services.GetRequiredService<RedemptionWaiters>().Count);
    }

    [Fact]
    public async Task Should_answer_a_waiting_read_with_the_redemption_as_it_stands_when_the_wait_is_over()
    {
        var member = Guid.NewGuid();
        using var client = factory.CreateClientFor(member);
        var (train, _) = await RedeemableSecondClass(client);
        var accepted = await Submit(client, "key-wait-over", Body(train)).ReadAsync<RedemptionView>(HttpStatusCode.Accepted);

        // Membership is absent: nothing finishes the redemption, so the read answers once its 2 seconds have passed.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/redemptions/{accepted.Id}");
        request.Headers.Add(RedemptionWait.PreferHeader, "wait=2");
        var read = client.SendAsync(request);
        while (!read.IsCompleted)
        {
            factory.Clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(read, Task.Delay(50));
        }

        using var response = await read;
        var view = await response.ReadAsync<RedemptionView>();
        Assert.Equal((nameof(RedemptionStateMachine.Authorising), false), (view.State, view.Finished));
        Assert.Equal("wait=2", Assert.Single(response.Headers.GetValues(RedemptionWait.PreferenceAppliedHeader)));
    }

    [Theory]
    [InlineData("wait=5", 5)]
    [InlineData("respond-async, wait=7", 7)]
    [InlineData("wait=\"3\"", 3)]
    [InlineData("WAIT=600", 20)]
    [InlineData("wait=0", null)]
    [InlineData("wait=-1", null)]
    [InlineData("wait=soon", null)]
    [InlineData("handling=lenient", null)]
    public void Should_read_the_wait_a_client_prefers_capped_at_twenty_seconds(string prefer, int? seconds)
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.Headers[RedemptionWait.PreferHeader] = prefer;

        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), RedemptionWait.Requested(http.Request));
    }

    [Fact]
    public async Task Should_fail_and_give_everything_back_when_a_redemption_left_between_seat_and_ticket_by_an_earlier_version_is_overdue()
    {
        using var operatorClient = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Operator);
        var id = await StoreAsync("IssuingTicket", updatedAgo: TimeSpan.Zero, deadlineIn: TimeSpan.FromSeconds(30), RedemptionSteps.IssueTicket);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.Services.GetRequiredService<StepDeadlineJob<RedemptionState, TicketingDbContext>>().RunOnceAsync();

        var compensating = await Eventually.Until(
            () => operatorClient.GetAsync($"/api/redemptions/{id}").ReadAsync<RedemptionView>(),
            r => r.Timeline!.Any(e => e.Event == "CompensationStarted"),
            because: "nothing answers an issue-ticket step any more, so its deadline fails the redemption");
        Assert.Equal(ReasonCodes.StepTimedOut, compensating.Reason);
        Assert.Contains("void ticket", compensating.Timeline!.Single(e => e.Event == "CompensationStarted").Detail);
    }

    [Fact]
    public async Task Should_answer_the_same_redemption_for_a_retried_key_and_409_for_a_reused_one()
    {
        using var client = factory.CreateClientFor(Guid.NewGuid());
        var (train, _) = await RedeemableSecondClass(client);

        var first = await Submit(client, "key-retry", Body(train)).ReadAsync<RedemptionView>(HttpStatusCode.Accepted);
        var again = await Submit(client, "key-retry", Body(train)).ReadAsync<RedemptionView>(HttpStatusCode.Accepted);
        using var reused = await Submit(client, "key-retry", Body(train) with { AuthorisationCode = "another-code" });

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(ReasonCodes.Conflict, await reused.ReasonAsync(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Should_read_a_retry_spelled_differently_as_the_same_request()
    {
        using var client = factory.CreateClientFor(Guid.NewGuid());
        var (train, _) = await RedeemableSecondClass(client);
        var first = await Submit(client, "key-spelling", Body(train)).ReadAsync<RedemptionView>(HttpStatusCode.Accepted);

        // Search, submission and the idempotency hash read codes trimmed and upper-cased, other text trimmed, alike.
        var spelled = new RedemptionInput(null, $" {train.ToLowerInvariant()} ", $" {TravelDate} ", " vnp", "aoh ", " Second ", " one-time-code ", " oneway ");
        var retried = await Submit(client, "key-spelling", spelled).ReadAsync<RedemptionView>(HttpStatusCode.Accepted);

        Assert.Equal(first.Id, retried.Id);
    }

    [Fact]
    public async Task Should_keep_one_redemption_when_the_same_key_is_submitted_concurrently()
    {
        var member = Guid.NewGuid();
        using var client = factory.CreateClientFor(member);
        var (train, _) = await RedeemableSecondClass(client);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Submit(client, "key-race", Body(train))));
        var ids = new HashSet<Guid>();
        foreach (var answer in answers)
        {
            ids.Add((await answer.ReadAsync<RedemptionView>(HttpStatusCode.Accepted)).Id);
        }

        Assert.Single(ids);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
        Assert.Equal(1, await db.Set<RedemptionState>().CountAsync(r => r.MemberId == member));
    }

    [Fact]
    public async Task Should_refuse_at_once_what_ticketing_can_judge_alone()
    {
        using var client = factory.CreateClientFor(Guid.NewGuid());
        var (train, _) = await RedeemableSecondClass(client);

        Assert.Equal(ReasonCodes.InvalidRequest, await (await Submit(client, null, Body(train))).ReasonAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ReasonCodes.RoundTripNotAllowed, await (await Submit(client, "k1", Body(train) with { Trip = "Return" })).ReasonAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ReasonCodes.UnknownStation, await (await Submit(client, "k2", Body(train) with { ToStation = "XYZ" })).ReasonAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ReasonCodes.UnknownTrain, await (await Submit(client, "k3", Body("G9999"))).ReasonAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ReasonCodes.NotRedeemable, await (await Submit(client, "k4", Body(train) with { SeatClass = "Business" })).ReasonAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Equal(ReasonCodes.InvalidRequest, await (await Submit(client, "k5", Body(train) with { AuthorisationCode = " " })).ReasonAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ReasonCodes.InvalidRequest, await (await Submit(client, "k6", Body(train) with { TravelDate = "2026-02-01" })).ReasonAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ReasonCodes.InvalidRequest, await (await Submit(client, "k7", Body(train) with { AuthorisationCode = new string('A', 60_000) })).ReasonAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Should_show_a_redemption_only_to_its_owner_and_operators()
    {
        var owner = Guid.NewGuid();
        using var client = factory.CreateClientFor(owner);
        using var stranger = factory.CreateClientFor(Guid.NewGuid());
        using var operatorClient = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Operator);
        var (train, _) = await RedeemableSecondClass(client);
        var accepted = await Submit(client, "key-owner", Body(train)).ReadAsync<RedemptionView>(HttpStatusCode.Accepted);

        using var hidden = await stranger.GetAsync($"/api/redemptions/{accepted.Id}");
        var mine = await client.GetAsync("/api/redemptions").ReadAsync<RedemptionPage>();
        var theirs = await stranger.GetAsync("/api/redemptions").ReadAsync<RedemptionPage>();
        using var strangerListsAll = await stranger.GetAsync("/api/redemptions/all");
        var all = await operatorClient.GetAsync($"/api/redemptions/all?memberId={owner}").ReadAsync<RedemptionPage>();
        var seen = await operatorClient.GetAsync($"/api/redemptions/{accepted.Id}").ReadAsync<RedemptionView>();

        Assert.Equal(ReasonCodes.NotFound, await hidden.ReasonAsync(HttpStatusCode.NotFound));
        Assert.Contains(mine.Items, r => r.Id == accepted.Id);
        Assert.DoesNotContain(theirs.Items, r => r.Id == accepted.Id);
        Assert.Equal(HttpStatusCode.Forbidden, strangerListsAll.StatusCode);
        Assert.Equal([accepted.Id], all.Items.Select(r => r.Id));
        Assert.Equal(owner, seen.MemberId);
    }

    [Fact]
    public async Task Should_let_the_submit_deadline_start_a_request_whose_message_was_lost()
    {
        using var operatorClient = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Operator);
        var id = await StoreAsync("Submitted", updatedAgo: TimeSpan.Zero, deadlineIn: TimeSpan.FromSeconds(30), RedemptionSteps.Submit);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.Services.GetRequiredService<StepDeadlineJob<RedemptionState, TicketingDbContext>>().RunOnceAsync();

        var started = await Eventually.Until(
            () => operatorClient.GetAsync($"/api/redemptions/{id}").ReadAsync<RedemptionView>(),
            r => r.State == nameof(RedemptionStateMachine.Authorising),
            because: "the overdue submit deadline starts the saga from the stored request");
        Assert.Contains(started.Timeline!, e => e.Event == "RequestRecovered");
    }

    [Fact]
    public async Task Should_list_unfinished_redemptions_that_went_quiet_as_stuck_for_operators()
    {
        using var operatorClient = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Operator);
        var quiet = await StoreAsync("HoldingSeat", updatedAgo: TimeSpan.FromMinutes(10), deadlineIn: TimeSpan.FromHours(1), RedemptionSteps.HoldSeat);
        var busy = await StoreAsync("HoldingSeat", updatedAgo: TimeSpan.FromSeconds(5), deadlineIn: TimeSpan.FromHours(1), RedemptionSteps.HoldSeat);
        var finished = await StoreAsync("Failed", updatedAgo: TimeSpan.FromHours(1), deadlineIn: null, null);

        var stuck = await operatorClient.GetAsync("/api/redemptions/all?stuck=true&pageSize=100").ReadAsync<RedemptionPage>();
        var holding = await operatorClient.GetAsync("/api/redemptions/all?state=HoldingSeat&pageSize=100").ReadAsync<RedemptionPage>();

        Assert.Contains(stuck.Items, r => r.Id == quiet);
        Assert.DoesNotContain(stuck.Items, r => r.Id == busy || r.Id == finished);
        Assert.Contains(holding.Items, r => r.Id == busy);
        Assert.DoesNotContain(holding.Items, r => r.Id == finished);
    }

    [Fact]
    public async Task Should_page_a_members_redemptions_newest_first_and_let_operators_filter_by_member_and_day()
    {
        var member = Guid.NewGuid();
        using var client = factory.CreateClientFor(member);
        using var operatorClient = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Operator);
        var oldest = await StoreAsync("Failed", updatedAgo: TimeSpan.FromDays(3), deadlineIn: null, null, member);
        var middle = await StoreAsync("Completed", updatedAgo: TimeSpan.FromDays(2), deadlineIn: null, null, member);
        var newest = await StoreAsync("Failed", updatedAgo: TimeSpan.FromDays(1), deadlineIn: null, null, member);
        await StoreAsync("Completed", updatedAgo: TimeSpan.FromDays(2), deadlineIn: null, null);
        var twoDaysAgo = DateOnly.FromDateTime((factory.Clock.GetUtcNow() - TimeSpan.FromDays(2)).UtcDateTime);

        var first = await client.GetAsync("/api/redemptions?pageSize=2").ReadAsync<RedemptionPage>();
        var second = await client.GetAsync("/api/redemptions?page=2&pageSize=2").ReadAsync<RedemptionPage>();
        var thatDay = await operatorClient.GetAsync($"/api/redemptions/all?memberId={member}&from={twoDaysAgo:yyyy-MM-dd}&to={twoDaysAgo:yyyy-MM-dd}").ReadAsync<RedemptionPage>();
        var sinceThatDay = await operatorClient.GetAsync($"/api/redemptions/all?memberId={member}&from={twoDaysAgo:yyyy-MM-dd}").ReadAsync<RedemptionPage>();
        var untilTheLastDay = await operatorClient.GetAsync($"/api/redemptions/all?memberId={member}&from={twoDaysAgo:yyyy-MM-dd}&to=9999-12-31").ReadAsync<RedemptionPage>();
        using var badPage = await client.GetAsync("/api/redemptions?page=0");

        Assert.Equal([newest, middle], first.Items.Select(r => r.Id));
        Assert.Equal(3, first.Total);
        Assert.Equal([oldest], second.Items.Select(r => r.Id));
        Assert.Equal([middle], thatDay.Items.Select(r => r.Id));
        Assert.Equal([newest, middle], sinceThatDay.Items.Select(r => r.Id));
        Assert.Equal([newest, middle], untilTheLastDay.Items.Select(r => r.Id));
        Assert.Equal(ReasonCodes.InvalidRequest, await badPage.ReasonAsync(HttpStatusCode.BadRequest));
    }

    /// <summary>Stores a redemption row as the API and saga would have left it.</summary>
    private async Task<Guid> StoreAsync(string state, TimeSpan updatedAgo, TimeSpan? deadlineIn, string? step, Guid? memberId = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
        var now = factory.Clock.GetUtcNow();
        var row = new RedemptionState
        {
            CorrelationId = Guid.NewGuid(), CurrentState = state, MemberId = memberId ?? Guid.NewGuid(), TrainNumber = "G1", TravelDate = new DateOnly(2026, 3, 5),
            FromStation = "VNP", ToStation = "AOH", SeatClass = "Second", Fare = 553m, Points = 55_300, IdempotencyKey = Guid.NewGuid().ToString("N"),
            RequestHash = "x", AuthorisationCode = "code", CreatedAt = now - updatedAgo, DeadlineStep = step, DeadlineAttempt = step is null ? 0 : 1,
            DeadlineAt = deadlineIn is { } due ? now + due : null,
        };
        RedemptionTimeline.Append(row, now - updatedAgo, "Stored");
        db.Add(row);
        await db.SaveChangesAsync();
        return row.CorrelationId;
    }

    [Fact]
    public async Task Should_show_a_member_their_own_strike_counter_and_hide_others()
    {
        var member = Guid.NewGuid();
        using var client = factory.CreateClientFor(member);

        using var operatorClient = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Operator);

        var own = await client.GetAsync($"/api/redemptions/strikes/{member}").ReadAsync<StrikeCounterView>();
        using var other = await client.GetAsync($"/api/redemptions/strikes/{Guid.NewGuid()}");
        var seenByOperator = await operatorClient.GetAsync($"/api/redemptions/strikes/{member}").ReadAsync<StrikeCounterView>();

        Assert.Equal((0, 3), (own.ConsecutiveFailures, own.StrikesBeforeSupportTicket));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(member, seenByOperator.MemberId);
    }

    [Fact]
    public async Task Should_end_a_members_run_of_failed_payments_with_a_completed_redemption()
    {
        var member = Guid.NewGuid();
        using var client = factory.CreateClientFor(member);
        var (train, _) = await RedeemableSecondClass(client);
        var bus = factory.Services.GetRequiredService<MassTransit.IBus>();
        await bus.Publish(new Contracts.Redemptions.RedemptionFailed(Guid.NewGuid(), member, ReasonCodes.InsufficientAvailablePoints, "short", true, factory.Clock.GetUtcNow()));
        await bus.Publish(new Contracts.Redemptions.RedemptionFailed(Guid.NewGuid(), member, ReasonCodes.CaptureRefused, "refused", true, factory.Clock.GetUtcNow()));
        await UntilStrikes(client, member, 2);

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var accepted = await Submit(client, "key-ends-run", Body(train)).ReadAsync<RedemptionView>(HttpStatusCode.Accepted);
        await bus.Publish(new Contracts.Membership.RedemptionAuthorised(accepted.Id, member, "passenger-key-run", "张三", "1101**********1234"));
        await UntilState(client, accepted.Id, nameof(RedemptionStateMachine.ReservingPoints));
        await bus.Publish(new Contracts.Points.PointsReserved(accepted.Id, member, Guid.NewGuid(), accepted.Price.Points));
        await UntilState(client, accepted.Id, nameof(RedemptionStateMachine.CapturingPoints));
        await bus.Publish(new Contracts.Points.PointsCaptured(accepted.Id, member, Guid.NewGuid(), accepted.Price.Points));
        await UntilState(client, accepted.Id, nameof(RedemptionStateMachine.Completed));

        var afterCompletion = await client.GetAsync($"/api/redemptions/strikes/{member}").ReadAsync<StrikeCounterView>();
        Assert.Equal((0, 0), (afterCompletion.ConsecutiveFailures, afterCompletion.RecentFailures.Count));
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await bus.Publish(new Contracts.Redemptions.RedemptionFailed(Guid.NewGuid(), member, ReasonCodes.InsufficientAvailablePoints, "short", true, factory.Clock.GetUtcNow()));
        var again = await UntilStrikes(client, member, 1);
        Assert.False(again.SupportTicketOpen);
    }

    private static Task<StrikeCounterView> UntilStrikes(HttpClient client, Guid member, int count) =>
        Eventually.Until(() => client.GetAsync($"/api/redemptions/strikes/{member}").ReadAsync<StrikeCounterView>(), s => s.ConsecutiveFailures == count,
            because: $"the strike counter shows {count}");

    private static RedemptionInput Body(string train) =>
        new(null, train, TravelDate, "VNP", "AOH", "Second", "one-time-code", null);

    private static Task<HttpResponseMessage> Submit(HttpClient client, string? key, RedemptionInput body, string? prefer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/redemptions") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add(RedemptionSubmission.IdempotencyKeyHeader, key);
        }

        if (prefer is not null)
        {
            request.Headers.Add(RedemptionWait.PreferHeader, prefer);
        }

        return client.SendAsync(request);
    }

    private static Task<RedemptionView> UntilState(HttpClient client, Guid id, string state) =>
        Eventually.Until(() => client.GetAsync($"/api/redemptions/{id}").ReadAsync<RedemptionView>(), r => r.State == state, because: $"the saga reaches {state}");

    /// <summary>Second-class seats left on the train, as search shows them.</summary>
    private static async Task<int> SeatsLeft(HttpClient client, string train)
    {
        var search = await client.GetAsync($"/api/ticketing/search?from=VNP&to=AOH&date={TravelDate}").ReadAsync<SearchResponse>();
        return search.Trains.Single(t => t.TrainNumber == train).Classes.Single(c => c.SeatClass == "Second").SeatsLeft;
    }

    /// <summary>A G train whose second class shows "兑" from Beijing South to Shanghai Hongqiao on the travel date.</summary>
    private static async Task<(string Train, decimal Fare)> RedeemableSecondClass(HttpClient client)
    {
        var search = await client.GetAsync($"/api/ticketing/search?from=VNP&to=AOH&date={TravelDate}").ReadAsync<SearchResponse>();
        var offer = search.Trains.SelectMany(t => t.Classes.Select(c => (t.TrainNumber, Class: c)))
            .First(o => o.Class.SeatClass == "Second" && o.Class.Mark == "兑");
        return (offer.TrainNumber, offer.Class.Fare);
    }
}
