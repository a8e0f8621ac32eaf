using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Changxing.SystemHarness.Scenarios;

namespace Changxing.SystemHarness.Load;

/// <summary>
/// Redemptions end to end through the gateway, as members make them: a one-time payment authorisation with the
/// consumption password, POST /api/redemptions for the member's beneficiary with <c>Prefer: wait</c>, which answers when
/// the redemption has finished (read again, waiting the same way, if it has not). Open loop (<see cref="RunAtRateAsync"/>: a new redemption every 1/rate seconds whatever the system's
/// state, so queueing shows in the latency) or closed loop (<see cref="RunConcurrentAsync"/>: N members each
/// redeeming back to back). Every redemption is followed to its end before a step returns.
/// </summary>
public sealed class RedemptionLoad(SystemUnderTest system, Population population, RedemptionLoadOptions? options = null)
{
    /// <summary>The outcome of an open-loop arrival that found every member busy with an earlier redemption.</summary>
    public const string NoIdleMember = "no idle member";

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan IdleMemberWait = TimeSpan.FromMilliseconds(20);
    private readonly RedemptionLoadOptions _options = options ?? new RedemptionLoadOptions();
    private readonly Journeys _journeys = new(system);

    /// <summary>Starts <paramref name="perSecond"/> redemptions a second for <paramref name="duration"/>, then waits for all of them to finish.</summary>
    public Task<LoadStepResult> RunAtRateAsync(double perSecond, TimeSpan duration, IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        return RunStepAsync("open", perSecond, duration, progress, async (counters, watch) =>
        {
            var running = new List<Task<RedemptionOutcome>>();
            for (long i = 0; ; i++)
            {
                var due = TimeSpan.FromSeconds(i / perSecond);
                if (due >= duration)
                {
                    break;
                }

                var wait = due - watch.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                if (population.Next() is { } plan)
                {
                    running.Add(RedeemAsync(plan, counters, cancellationToken));
                }
                else if (population.Exhausted)
                {
                    return (await Task.WhenAll(running), true);
                }
                else
                {
                    // Every member with redemptions left is still waiting for their last one: the offered load is not met.
                    counters.Begin();
                    counters.End(completed: false);
                    running.Add(Task.FromResult(new RedemptionOutcome(null, null, NoIdleMember, DateTimeOffset.UtcNow, 0, 0, null, null, null)));
                }
            }

            return (await Task.WhenAll(running), false);
        });
    }

    /// <summary><paramref name="members"/> members redeem back to back (each waits for its redemption to finish) for <paramref name="duration"/>.</summary>
    public Task<LoadStepResult> RunConcurrentAsync(int members, TimeSpan duration, IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(members);
        return RunStepAsync("closed", members, duration, progress, async (counters, watch) =>
        {
            var ranOut = 0;
            var workers = Enumerable.Range(0, members).Select(async _ =>
            {
                var outcomes = new List<RedemptionOutcome>();
                while (watch.Elapsed < duration)
                {
                    if (population.Next() is { } plan)
                    {
                        outcomes.Add(await RedeemAsync(plan, counters, cancellationToken));
                    }
                    else if (population.Exhausted)
                    {
                        Interlocked.Exchange(ref ranOut, 1);
                        break;
                    }
                    else
                    {
                        // More workers than idle members: wait for one.
                        await Task.Delay(IdleMemberWait, cancellationToken);
                    }
                }

                return outcomes;
            }).ToList();
            return ((await Task.WhenAll(workers)).SelectMany(o => o).ToArray(), ranOut == 1);
        });
    }

    private async Task<LoadStepResult> RunStepAsync(
        string mode, double offered, TimeSpan duration, IProgress<LoadProgress>? progress,
        Func<Counters, Stopwatch, Task<(RedemptionOutcome[] Outcomes, bool RanOut)>> drive)
    {
        var counters = new Counters();
        var start = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var driving = drive(counters, watch);
        while (progress is not null && await Task.WhenAny(driving, Task.Delay(ProgressInterval)) != driving)
        {
            progress.Report(counters.Snapshot(watch.Elapsed));
        }

        var (outcomes, ranOut) = await driving;
        progress?.Report(counters.Snapshot(watch.Elapsed));
        return new LoadStepResult(mode, offered, start, duration, outcomes) { RanOutOfMembers = ranOut };
    }

    private async Task<RedemptionOutcome> RedeemAsync(PlannedRedemption plan, Counters counters, CancellationToken cancellationToken)
    {
        counters.Begin();
        var completed = false;
        try
        {
            var outcome = await FollowAsync(plan, cancellationToken);
            completed = outcome.Completed;
            return outcome;
        }
        finally
        {
            counters.End(completed);
            population.Finished(plan);
        }
    }

    private async Task<RedemptionOutcome> FollowAsync(PlannedRedemption plan, CancellationToken cancellationToken)
    {
        var member = plan.Payer.Member;
        var startedAt = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        double authoriseMs = 0;
        double submitMs = 0;
        RedemptionOutcome Failure(string why, Guid? id = null) => new(plan, id, why, startedAt, authoriseMs, submitMs, null, null, null);

        string code;
        try
        {
            using var authorised = await _journeys.AuthoriseWithAsync(member);
            authoriseMs = watch.Elapsed.TotalMilliseconds;
            var body = await ReadAsync(authorised, cancellationToken);
            if (!authorised.IsSuccessStatusCode)
            {
                return Failure($"authorise HTTP {(int)authorised.StatusCode}{Reason(body)}");
            }

            code = body.GetProperty("authorisationCode").GetString()!;
        }
        catch (Exception e) when (IsClientFailure(e, cancellationToken))
        {
            return Failure("authorise " + Describe(e));
        }

        Guid id;
        try
        {
            var submitStarted = watch.Elapsed;
            using var request = Journeys.RedemptionRequest(plan.Run.Train, plan.Run.Date, code, plan.Payer.BeneficiaryId, from: plan.Run.From, to: plan.Run.To);
            request.Headers.Add("Prefer", PreferWait);
            using var accepted = await member.Http.SendAsync(request, cancellationToken);
            submitMs = (watch.Elapsed - submitStarted).TotalMilliseconds;
            var body = await ReadAsync(accepted, cancellationToken);
            if (accepted.StatusCode != HttpStatusCode.Accepted)
            {
                return Failure($"submit HTTP {(int)accepted.StatusCode}{Reason(body)}");
            }

            id = body.GetProperty("id").GetGuid();
            if (body.GetProperty("finished").GetBoolean())
            {
                return Finished(plan, id, body, startedAt, authoriseMs, submitMs);
            }
        }
        catch (Exception e) when (IsClientFailure(e, cancellationToken))
        {
            return Failure("submit " + Describe(e));
        }

        var acceptedAt = watch.Elapsed;
        while (watch.Elapsed - acceptedAt < _options.FinishTimeout)
        {
            JsonElement view;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/redemptions/{id}", UriKind.Relative));
                request.Headers.Add("Prefer", PreferWait);
                using var read = await member.Http.SendAsync(request, cancellationToken);
                if (read.StatusCode != HttpStatusCode.OK)
                {
                    await Task.Delay(_options.RetryInterval, cancellationToken);
                    continue;
                }

                view = await ReadAsync(read, cancellationToken);
            }
            catch (Exception e) when (IsClientFailure(e, cancellationToken))
            {
                await Task.Delay(_options.RetryInterval, cancellationToken);
                continue;
            }

            if (view.GetProperty("finished").GetBoolean())
            {
                return Finished(plan, id, view, startedAt, authoriseMs, submitMs);
            }
        }

        return Failure($"unfinished after {_options.FinishTimeout.TotalSeconds:0} s", id);
    }

    private string PreferWait => $"wait={(int)_options.Wait.TotalSeconds}";

    private static RedemptionOutcome Finished(PlannedRedemption plan, Guid id, JsonElement view, DateTimeOffset startedAt, double authoriseMs, double submitMs)
    {
        var timeline = view.GetProperty("timeline").EnumerateArray()
            .Select(e => new TimelineMark(e.Str("event"), e.GetProperty("at").GetDateTimeOffset())).ToList();
        DateTimeOffset? At(string @event) => timeline.Where(e => e.Event == @event).Select(e => (DateTimeOffset?)e.At).FirstOrDefault();

        var state = view.Str("state");
        var outcome = state == RedemptionOutcome.CompletedOutcome ? state
            : view.GetProperty("reason").ValueKind == JsonValueKind.String ? view.Str("reason") : state;
        return new RedemptionOutcome(plan, id, outcome, startedAt, authoriseMs, submitMs,
            At("Submitted"), At("TicketIssued"), view.GetProperty("updatedAt").GetDateTimeOffset()) { Timeline = timeline };
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>The problem details' reason code, if the answer has one.</summary>
    private static string Reason(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
            ? " " + reason.GetString() : "";

    private static bool IsClientFailure(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is HttpRequestException or TaskCanceledException;

    private static string Describe(Exception e) => e is TaskCanceledException ? "timeout" : "connection error";

    private sealed class Counters
    {
        public int Started;
        public int InFlight;
        public int Completed;
        public int Failed;

        public void Begin()
        {
            Interlocked.Increment(ref Started);
            Interlocked.Increment(ref InFlight);
        }

        public void End(bool completed)
        {
            Interlocked.Decrement(ref InFlight);
            if (completed)
            {
                Interlocked.Increment(ref Completed);
            }
            else
            {
                Interlocked.Increment(ref Failed);
            }
        }

        public LoadProgress Snapshot(TimeSpan elapsed) =>
            new(elapsed, Volatile.Read(ref Started), Volatile.Read(ref InFlight), Volatile.Read(ref Completed), Volatile.Read(ref Failed));
    }
}
