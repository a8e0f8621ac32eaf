using Changxing.Contracts;
using Changxing.Contracts.Redemptions;
using Changxing.ServiceDefaults.Auth;
using Changxing.Messaging.Data;
using Changxing.ServiceDefaults.Problems;
using Changxing.Messaging.Sagas;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Redemptions.Strikes;
using Changxing.Ticketing.Search;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Changxing.Ticketing.Redemptions;

public static class RedemptionEndpoints
{
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapRedemptionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/redemptions").WithTags("Redemptions").RequireAuthorization();
        group.MapPost("/", Submit).WithSummary("Redeem points for a ticket (积分兑换): starts the redemption")
            .WithDescription("Needs an Idempotency-Key header and a payment authorisation code; answers 202 with the redemption, whose state GET /api/redemptions/{id} follows to the e-ticket or a reason.")
            .ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest, ReasonCodes.UnknownStation, ReasonCodes.UnknownTrain, ReasonCodes.RoundTripNotAllowed)
            .ProducesProblemReasons(StatusCodes.Status409Conflict, ReasonCodes.Conflict)
            .ProducesProblemReasons(StatusCodes.Status422UnprocessableEntity, ReasonCodes.NotRedeemable, ReasonCodes.QuotaExhausted, ReasonCodes.SoldOut);
        group.MapGet("/", Mine).WithSummary("List the caller's redemptions, a page at a time").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest);
        group.MapGet("/{id:guid}", Get).WithSummary("Read a redemption: its state, reason and timeline").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        group.MapGet("/all", All).RequireAuthorization(Roles.Operator).WithSummary("List redemptions by member and state").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest);
        group.MapGet("/strikes/{memberId:guid}", Strikes).WithSummary("Read a member's wrong-password strike counter (the member or an operator)").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        return app;
    }

    /// <summary>
    /// Accepts a one-way redemption: refuses at once what Ticketing can judge alone (bad input, unknown train or
    /// station, not "兑", a return leg), prices it (fare x 100 points), stores it and sends step 1, the authorisation. The same
    /// Idempotency-Key and body answer the same redemption; the key with another body answers 409. With
    /// <c>Prefer: wait=N</c> the answer comes when the redemption has finished or after N seconds (<see cref="RedemptionWait"/>).
    /// </summary>
    private static async Task<Results<Accepted<RedemptionView>, ProblemHttpResult>> Submit(
        RedemptionInput input,
        [FromHeader(Name = RedemptionSubmission.IdempotencyKeyHeader)] string? idempotencyKey,
        HttpContext http,
        TicketingDbContext db,
        SearchReadModel model,
        TrainSearch search,
        IPublishEndpoint publish,
        TimeProvider clock,
        IOptions<RedemptionOptions> options,
        RedemptionWaiters waiters,
        CancellationToken cancellationToken)
    {
        if (!RedemptionSubmission.IsValidKey(idempotencyKey))
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest,
                $"An {RedemptionSubmission.IdempotencyKeyHeader} header (1 to {RedemptionSubmission.MaxIdempotencyKeyLength} visible ASCII characters) is required.");
        }

        if (string.IsNullOrWhiteSpace(input.TrainNumber) || string.IsNullOrWhiteSpace(input.SeatClass) || string.IsNullOrWhiteSpace(input.AuthorisationCode)
            || input.AuthorisationCode.Length > RedemptionSubmission.MaxAuthorisationCodeLength)
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest,
                $"trainNumber, travelDate, fromStation, toStation, seatClass and authorisationCode (at most {RedemptionSubmission.MaxAuthorisationCodeLength} characters) are required.");
        }

        var (request, invalid, why) = SearchRequest.Parse(model.Network, clock, input.FromStation, input.ToStation, input.TravelDate, input.Trip);
        if (request is null)
        {
            return ProblemResults.BadRequest(invalid!, why!);
        }

        var (quote, refused, reason) = search.Quote(request, RequestText.Code(input.TrainNumber), RequestText.Text(input.SeatClass));
        if (quote is null)
        {
            return refused is ReasonCodes.InvalidRequest or ReasonCodes.UnknownTrain or ReasonCodes.RoundTripNotAllowed
                ? ProblemResults.BadRequest(refused, reason!)
                : ProblemResults.Unprocessable(refused!, reason!);
        }

        var memberId = http.User.MemberId();
        var id = RedemptionSubmission.RedemptionId(memberId, idempotencyKey!);
        var hash = RedemptionSubmission.RequestHash(input);
        var existing = await db.Set<RedemptionState>().AsNoTracking().FirstOrDefaultAsync(r => r.CorrelationId == id, cancellationToken);
        if (existing is not null)
        {
            return existing.RequestHash == hash && RedemptionWait.Requested(http.Request) is { } again
                ? SameOrConflict(await RedemptionWait.UntilFinishedAsync(existing, again, http.Response, db, waiters, clock, cancellationToken), hash)
                : SameOrConflict(existing, hash);
        }

        var now = clock.GetUtcNow();
        var asked = new RedemptionRequested(id, memberId, input.BeneficiaryId, quote.TrainNumber, quote.TravelDate,
            quote.FromStation, quote.ToStation, quote.SeatClass, quote.Fare, quote.Points, RequestText.Text(input.AuthorisationCode), now);

        // Stored already waiting for step 1, with step 1's command in the same commit (the outbox): a RedemptionRequested
        // hop through the broker back into this process would cost a message and a saga transaction and protect
        // nothing. The state is the machine's own name.
        var redemption = new RedemptionState { CorrelationId = id, CurrentState = nameof(RedemptionStateMachine.Authorising) };
        redemption.Describe(asked, idempotencyKey!, hash);
        redemption.StartStep(RedemptionSteps.Authorise, now + options.Value.StepTimeout);
        RedemptionTimeline.Append(redemption, now, "Submitted", $"{quote.Points} points for {quote.TrainNumber} {quote.SeatClass} {quote.FromStation}→{quote.ToStation}");
        db.Add(redemption);
        await publish.Publish(RedemptionStateMachine.Authorise(redemption), cancellationToken);

        // A client that waits starts listening before step 1 is sent, so the outcome cannot arrive unheard.
        var wait = RedemptionWait.Requested(http.Request);
        var listening = wait is null ? null : waiters.Register(id);
        try
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (UniqueKeyViolation.Matches(e))
            {
                // The same key was submitted concurrently and the other request won (this one's command goes too).
                db.ChangeTracker.Clear();
                var winner = await db.Set<RedemptionState>().AsNoTracking().FirstAsync(r => r.CorrelationId == id, cancellationToken);
                return SameOrConflict(winner, hash);
            }

            if (wait is { } waitFor)
            {
                redemption = await RedemptionWait.UntilFinishedAsync(redemption, waitFor, http.Response, db, waiters, clock, cancellationToken, listening);
                listening = null;
            }
        }
        finally
        {
            listening?.Dispose();
        }

        return TypedResults.Accepted($"/api/redemptions/{id}", RedemptionView.Of(redemption, withTimeline: true));
    }

    private static Results<Accepted<RedemptionView>, ProblemHttpResult> SameOrConflict(RedemptionState existing, string hash) =>
        existing.RequestHash == hash
            ? TypedResults.Accepted($"/api/redemptions/{existing.CorrelationId}", RedemptionView.Of(existing, withTimeline: true))
            : ProblemResults.Conflict(ReasonCodes.Conflict,
                $"This {RedemptionSubmission.IdempotencyKeyHeader} was already used for a different request.",
                new Dictionary<string, object?> { ["redemptionId"] = existing.CorrelationId });

    /// <summary>
    /// The owner (or an operator) reads a redemption with its timeline; anyone else is told it does not exist. With
    /// <c>Prefer: wait=N</c> the answer waits up to N seconds for the redemption to finish.
    /// </summary>
    private static async Task<Results<Ok<RedemptionView>, ProblemHttpResult>> Get(
        Guid id, HttpContext http, TicketingDbContext db, RedemptionWaiters waiters, TimeProvider clock, CancellationToken cancellationToken)
    {
        var redemption = await db.Set<RedemptionState>().AsNoTracking().FirstOrDefaultAsync(r => r.CorrelationId == id, cancellationToken);
        if (redemption is null || (redemption.MemberId != http.User.MemberId() && !http.User.IsInRole(Roles.Operator)))
        {
            return ProblemResults.NotFound($"There is no redemption {id}.");
        }

        if (RedemptionWait.Requested(http.Request) is { } wait)
        {
            redemption = await RedemptionWait.UntilFinishedAsync(redemption, wait, http.Response, db, waiters, clock, cancellationToken);
        }

        return TypedResults.Ok(RedemptionView.Of(redemption, withTimeline: true));
    }

    /// <summary>The caller's own redemptions, newest first.</summary>
    private static async Task<Results<Ok<RedemptionPage>, ProblemHttpResult>> Mine(
        HttpContext http, TicketingDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var memberId = http.User.MemberId();
        return await PageOf(db.Set<RedemptionState>().Where(r => r.MemberId == memberId), page, pageSize, cancellationToken);
    }

    /// <summary>Operators: every redemption, filtered by state, member, creation date range (UTC) and "stuck".</summary>
    private static async Task<Results<Ok<RedemptionPage>, ProblemHttpResult>> All(
        TicketingDbContext db,
        TimeProvider clock,
        IOptions<RedemptionOptions> options,
        string? state,
        Guid? memberId,
        DateOnly? from,
        DateOnly? to,
        bool? stuck,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var query = db.Set<RedemptionState>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(state))
        {
            query = query.Where(r => r.CurrentState == state);
        }

        if (memberId is { } member)
        {
            query = query.Where(r => r.MemberId == member);
        }

        if (from is { } first)
        {
            var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(r => r.CreatedAt >= start);
        }

        // The last day there is has no next day to stop before: it bounds nothing.
        if (to is { } last && last < DateOnly.MaxValue)
        {
            var end = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(r => r.CreatedAt < end);
        }

        if (stuck == true)
        {
            var now = clock.GetUtcNow();
            var quietSince = now - options.Value.StuckAfter;
            query = query.Where(r => r.CurrentState != nameof(RedemptionStateMachine.Completed) && r.CurrentState != nameof(RedemptionStateMachine.Failed)
                && ((r.DeadlineAt != null && r.DeadlineAt < now) || r.UpdatedAt < quietSince));
        }

        return await PageOf(query, page, pageSize, cancellationToken);
    }

    /// <summary>A member's strike counter: operators read anyone's, a member their own.</summary>
    private static async Task<Results<Ok<StrikeCounterView>, ProblemHttpResult>> Strikes(
        Guid memberId, HttpContext http, TicketingDbContext db, ICompletedRedemptions completions, CancellationToken cancellationToken)
    {
        if (memberId != http.User.MemberId() && !http.User.IsInRole(Roles.Operator))
        {
            return ProblemResults.NotFound($"There is no strike counter for member {memberId}.");
        }

        var strikes = await db.Set<PaymentStrikeState>().AsNoTracking().FirstOrDefaultAsync(s => s.CorrelationId == memberId, cancellationToken);
        if (strikes is null)
        {
            return TypedResults.Ok(new StrikeCounterView(memberId, 0, PaymentStrikes.StrikesBeforeSupportTicket, false, null, 0, []));
        }

        var run = PaymentStrikes.CurrentRun(strikes, await completions.LastCompletedAtAsync(memberId, cancellationToken));
        return TypedResults.Ok(new StrikeCounterView(memberId, run.Count, PaymentStrikes.StrikesBeforeSupportTicket, strikes.TicketRequested,
            strikes.OpenTicketNumber, strikes.TicketsOpened, run));
    }

    private static async Task<Results<Ok<RedemptionPage>, ProblemHttpResult>> PageOf(
        IQueryable<RedemptionState> query, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var number = page ?? 1;
        var size = pageSize ?? 20;
        if (number < 1 || size < 1 || size > MaxPageSize)
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest, $"page starts at 1; pageSize is 1 to {MaxPageSize}.");
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.AsNoTracking()
            .OrderByDescending(r => r.CreatedAt)
            .Skip((number - 1) * size)
            .Take(size)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new RedemptionPage(items.Select(r => RedemptionView.Of(r, withTimeline: false)).ToList(), number, size, total));
    }
}
