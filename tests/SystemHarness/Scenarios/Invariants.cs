using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Changxing.Contracts.Membership;

namespace Changxing.SystemHarness.Scenarios;

/// <summary>
/// What must hold once the system has settled (issue #9), read from the services' own databases on either provider,
/// plus each member's balance as Points shows it: every redemption finished; no points or seat hold without a live
/// redemption; no seat leg sold twice; every lot and every member's ledger balances; each completed redemption has
/// exactly one ticket, one ticketed seat and one captured points hold, and a failed one keeps none of them; each
/// finished redemption told its member once; each member's payment-strike counter holds exactly the failed payments
/// since their last completed redemption, and the support tickets it opened are Membership's; and no service's
/// transactional outbox still holds a message it has not delivered to the broker.
/// </summary>
public static class Invariants
{
    private const string Completed = "Completed";
    private const string Failed = "Failed";

    /// <summary>Every breach, one line each (empty when everything holds).</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(SystemUnderTest system) =>
        (await CheckAsync(system, new Journeys(system))).Violations.ToList();

    /// <summary>
    /// Reads the databases and, through <paramref name="journeys"/>' operator, each member's balance. Pass the journeys
    /// that signed the operator in before any clock offset was given to Membership (its later tokens are future-dated).
    /// </summary>
    public static async Task<InvariantReport> CheckAsync(SystemUnderTest system, Journeys journeys)
    {
        var snapshot = await SystemSnapshot.ReadAsync(system);
        var balances = await BalancesAsync(journeys, snapshot.Members.Select(m => m.MemberId));
        return Check(snapshot, balances);
    }

    public static InvariantReport Check(SystemSnapshot s, IReadOnlyDictionary<Guid, JsonElement> balances)
    {
        var redemptions = s.Redemptions.ToDictionary(r => r.Id);
        bool IsLive(Guid? id) => id is { } i && redemptions.TryGetValue(i, out var r) && r.State is not (Completed or Failed);

        InvariantCheck[] checks =
        [
            new("every redemption reached Completed or Failed", s.Redemptions.Count,
                s.Redemptions.Where(r => r.State is not (Completed or Failed)).Select(r => $"redemption {r.Id} is still {r.State} (deadline: {r.DeadlineStep ?? "none"}, attempt {r.DeadlineAttempt}); timeline {r.Timeline}").ToList()),

            new("no points hold is held without a live redemption", s.PointsHolds.Count,
                s.PointsHolds.Where(h => h.Status == "Held" && !IsLive(h.RedemptionId))
                    .Select(h => $"points hold {h.HoldId} ({h.Points} points) is still held; redemption {h.RedemptionId} is {StateOf(redemptions, h.RedemptionId)}").ToList()),

            new("no seat is held without a live redemption", s.SeatHolds.Count(h => h.RedemptionId is not null),
                s.SeatHolds.Where(h => h.Status == "Held" && h.RedemptionId is not null && !IsLive(h.RedemptionId))
                    .Select(h => $"seat hold {h.Id} (car {h.Car} seat {h.Seat}) is still held; redemption {h.RedemptionId} is {StateOf(redemptions, h.RedemptionId!.Value)}").ToList()),

            new("no seat leg is sold twice, and each seat's sold legs are exactly its holds' legs", s.RunSeats.Count, SeatLegViolations(s)),

            new("every lot balances (points = remaining + held + captured + expired) and every hold is allocated in full", s.Lots.Count, LotViolations(s)),

            new("every member's ledger balances (credited = available + frozen + held + captured + expired)", s.Members.Count, MemberViolations(s, balances)),

            new("each completed redemption has exactly one ticket, one ticketed seat and one captured points hold; a failed one has none",
                s.Redemptions.Count(r => r.State is Completed or Failed), OutcomeViolations(s)),

            new("each finished redemption told its member once, with its outcome (the outbox lost no RedemptionCompleted or RedemptionFailed)",
                s.Redemptions.Count(r => r.State is Completed or Failed), NotificationViolations(s)),

            new($"each member's strike count is exact ({s.Redemptions.Count(r => r.State == Failed && r.IsPaymentFailure)} failed payments): the failed payments since their last completed redemption, modulo the three that open a support ticket; every ticket the counter opened is in Membership, once",
                s.Redemptions.Select(r => r.MemberId).Union(s.StrikeCounters.Select(c => c.MemberId)).Distinct().Count(), StrikeViolations(s)),

            new("every message stored in a service's outbox reached the broker (none left pending)", (int)s.Outboxes.Sum(o => o.Stored),
                s.Outboxes.Where(o => o.Pending > 0).Select(o => $"{o.Service}: {o.Pending} of the {o.Stored} messages in its outbox are still pending").ToList()),
        ];

        return new InvariantReport(
            s.Redemptions.Count,
            s.Redemptions.GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count()),
            s.Redemptions.Where(r => r.State == Failed).GroupBy(r => r.FailureReason ?? "(none)").ToDictionary(g => g.Key, g => g.Count()),
            s.Redemptions.Count(r => r.RecoveredByDeadline),
            checks);
    }

    private static List<string> SeatLegViolations(SystemSnapshot s)
    {
        var violations = new List<string>();
        var occupying = s.SeatHolds.Where(h => h.Occupies).ToList();
        foreach (var seat in occupying.GroupBy(h => (h.RunId, h.Car, h.Seat)))
        {
            var holds = seat.ToList();
            for (var i = 0; i < holds.Count; i++)
            {
                for (var j = i + 1; j < holds.Count; j++)
                {
                    if ((holds[i].Legs & holds[j].Legs) != 0)
                    {
                        violations.Add($"run {seat.Key.RunId} car {seat.Key.Car} seat {seat.Key.Seat}: holds {holds[i].Id} ({holds[i].Status}) and {holds[j].Id} ({holds[j].Status}) share legs {holds[i].Legs & holds[j].Legs:b}");
                    }
                }
            }
        }

        var heldLegs = occupying.GroupBy(h => (h.RunId, h.Car, h.Seat)).ToDictionary(g => g.Key, g => g.Aggregate(0L, (legs, h) => legs | h.Legs));
        foreach (var seat in s.RunSeats)
        {
            var expected = heldLegs.GetValueOrDefault((seat.RunId, seat.Car, seat.Seat));
            if (seat.SoldLegs != expected)
            {
                violations.Add($"run {seat.RunId} car {seat.Car} seat {seat.Seat}: sold legs {seat.SoldLegs:b} but its held and ticketed holds cover {expected:b}");
            }
        }

        var seats = s.RunSeats.Select(x => (x.RunId, x.Car, x.Seat)).ToHashSet();
        violations.AddRange(heldLegs.Keys.Where(k => !seats.Contains(k)).Select(k => $"run {k.RunId} car {k.Car} seat {k.Seat}: held but not marked sold"));

        violations.AddRange(occupying.GroupBy(h => (h.RunId, h.PassengerKey)).Where(g => g.Count() > 1)
            .Select(g => $"run {g.Key.RunId}: one passenger occupies {g.Count()} seats ({string.Join(", ", g.Select(h => h.Id))})"));
        return violations;
    }

    private static List<string> LotViolations(SystemSnapshot s)
    {
        var violations = s.Lots.Where(l => l.Points != l.Remaining + l.Held + l.Captured + l.Expired || l.Remaining < 0 || l.Held < 0)
            .Select(l => $"lot {l.LotId} of member {l.MemberId}: {l.Points} points but remaining {l.Remaining} + held {l.Held} + captured {l.Captured} + expired {l.Expired}")
            .ToList();
        var allocated = s.Allocations.GroupBy(a => a.HoldId).ToDictionary(g => g.Key, g => g.Sum(a => a.Points));
        violations.AddRange(s.PointsHolds.Where(h => allocated.GetValueOrDefault(h.HoldId) != h.Points)
            .Select(h => $"points hold {h.HoldId}: {h.Points} points but {allocated.GetValueOrDefault(h.HoldId)} allocated on lots"));
        return violations;
    }

    private static List<string> MemberViolations(SystemSnapshot s, IReadOnlyDictionary<Guid, JsonElement> balances)
    {
        var violations = new List<string>();
        var lots = s.Lots.ToLookup(l => l.MemberId);
        var holds = s.PointsHolds.ToLookup(h => h.MemberId);
        foreach (var member in s.Members)
        {
            var mine = lots[member.MemberId].ToList();
            var credited = mine.Sum(l => l.Points);
            if (member.LifetimeCredited != credited)
            {
                violations.Add($"member {member.MemberId}: lifetime credited {member.LifetimeCredited} but lots total {credited}");
            }

            var open = holds[member.MemberId].Where(h => h.Status == "Held").Sum(h => h.Points);
            var captured = holds[member.MemberId].Where(h => h.Status == "Captured").Sum(h => h.Points);
            if (mine.Sum(l => l.Held) != open || mine.Sum(l => l.Captured) != captured)
            {
                violations.Add($"member {member.MemberId}: lots hold {mine.Sum(l => l.Held)} and captured {mine.Sum(l => l.Captured)}, holds say {open} held and {captured} captured");
            }

            if (!balances.TryGetValue(member.MemberId, out var b))
            {
                violations.Add($"member {member.MemberId}: Points did not show a balance");
                continue;
            }

            long P(string name) => b.GetProperty(name).GetInt64();
            var shown = P("available") + b.GetProperty("frozen").GetProperty("total").GetInt64() + P("held") + P("captured") + P("expired");
            if (P("lifetimeCredited") != shown || shown != credited)
            {
                violations.Add($"member {member.MemberId}: credited {P("lifetimeCredited")} (lots {credited}) but available {P("available")} + frozen {b.GetProperty("frozen").GetProperty("total").GetInt64()} + held {P("held")} + captured {P("captured")} + expired {P("expired")} = {shown}");
            }
        }

        return violations;
    }

    private static List<string> OutcomeViolations(SystemSnapshot s)
    {
        var violations = new List<string>();
        var tickets = s.Tickets.Where(t => t.RedemptionId is not null && t.Status != "Voided").ToLookup(t => t.RedemptionId!.Value);
        var seats = s.SeatHolds.Where(h => h.RedemptionId is not null).ToLookup(h => h.RedemptionId!.Value);
        var holds = s.PointsHolds.ToLookup(h => h.RedemptionId);
        foreach (var r in s.Redemptions.Where(r => r.State is Completed or Failed))
        {
            var ticketCount = tickets[r.Id].Count();
            var ticketed = seats[r.Id].Count(h => h.Status == "Ticketed");
            var captured = holds[r.Id].Count(h => h.Status == "Captured");
            var expected = r.State == Completed ? 1 : 0;
            if (ticketCount != expected || ticketed != expected || captured != expected)
            {
                violations.Add($"{r.State.ToLowerInvariant()} redemption {r.Id}{(r.FailureReason is null ? "" : $" ({r.FailureReason})")}: {ticketCount} valid tickets, {ticketed} ticketed seats, {captured} captured points holds");
            }
            else if (r.State == Completed && tickets[r.Id].Single().Number != r.TicketNumber)
            {
                violations.Add($"completed redemption {r.Id} shows ticket {r.TicketNumber} but Ticketing issued {tickets[r.Id].Single().Number}");
            }
        }

        return violations;
    }

    private static List<string> NotificationViolations(SystemSnapshot s)
    {
        var told = s.Notifications.GroupBy(n => n.SourceKey, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var violations = new List<string>();
        foreach (var r in s.Redemptions.Where(r => r.State is Completed or Failed))
        {
            var key = $"Redemption{r.State}:{r.Id}";
            var other = $"Redemption{(r.State == Completed ? Failed : Completed)}:{r.Id}";
            var notices = told.GetValueOrDefault(key) ?? [];
            if (notices.Count != 1 || notices[0].MemberId != r.MemberId)
            {
                violations.Add($"redemption {r.Id} is {r.State}; its member was told {notices.Count} times ({key})");
            }

            if (told.ContainsKey(other))
            {
                violations.Add($"redemption {r.Id} is {r.State}, but its member was told {other}");
            }
        }

        return violations;
    }

    /// <summary>
    /// Replays the strike rule from the redemptions table: the failed payments after a member's last completed
    /// redemption, counted in threes (the third opens a ticket and starts the count again), must be the counter's
    /// current run. Members with a wrong-consumption-password strike are not replayed: those strikes leave no
    /// redemption to count from. The tickets the counter saw opened must be Membership's tickets of that keyword.
    /// </summary>
    private static List<string> StrikeViolations(SystemSnapshot s)
    {
        const int StrikesPerTicket = 3;
        var violations = new List<string>();
        var counters = s.StrikeCounters.ToDictionary(c => c.MemberId);
        var tickets = s.SupportTickets.Where(t => t.Keyword == OpenSupportTicket.PointsPaymentProblem).ToLookup(t => t.MemberId);
        foreach (var member in s.Redemptions.GroupBy(r => r.MemberId).Select(g => g.Key).Union(counters.Keys).Distinct())
        {
            var mine = s.Redemptions.Where(r => r.MemberId == member).ToList();
            var lastCompleted = mine.Where(r => r.State == Completed).Select(r => (DateTime?)r.UpdatedAt).Max();
            var failures = mine.Where(r => r.State == Failed && r.IsPaymentFailure && (lastCompleted is null || r.UpdatedAt > lastCompleted)).Select(r => r.Id).ToHashSet();
            var run = counters.TryGetValue(member, out var counter) ? CurrentRun(counter, lastCompleted) : [];
            var opened = counter?.TicketsOpened ?? 0;
            if (tickets[member].Count() != opened)
            {
                violations.Add($"member {member}: the strike counter saw {opened} support tickets opened, Membership has {tickets[member].Count()}");
            }

            if (run.Any(f => f.RedemptionId is null) || tickets[member].Any(t => t.PasswordFailures > 0))
            {
                continue;
            }

            var ids = run.Select(f => f.RedemptionId!.Value).ToList();
            if (ids.Count != failures.Count % StrikesPerTicket || ids.Distinct().Count() != ids.Count || !ids.All(failures.Contains))
            {
                violations.Add($"member {member}: {failures.Count} failed payments since the last completed redemption, so a run of {failures.Count % StrikesPerTicket}, but the counter holds {ids.Count} ({string.Join(", ", ids)})");
            }

            if (failures.Count >= StrikesPerTicket && !tickets[member].Any())
            {
                violations.Add($"member {member}: {failures.Count} failed payments in a row and no {OpenSupportTicket.PointsPaymentProblem} support ticket");
            }
        }

        return violations;
    }

    private static List<(Guid? RedemptionId, DateTime FailedAt)> CurrentRun(SystemSnapshot.StrikeCounter counter, DateTime? lastCompleted)
    {
        using var stored = JsonDocument.Parse(counter.RecentFailures);
        return stored.RootElement.EnumerateArray()
            .Select(f => (f.GetProperty("redemptionId").ValueKind == JsonValueKind.Null ? (Guid?)null : f.GetProperty("redemptionId").GetGuid(),
                f.GetProperty("failedAt").GetDateTimeOffset().UtcDateTime))
            .Where(f => lastCompleted is null || f.Item2 > lastCompleted)
            .ToList();
    }

    private static string StateOf(Dictionary<Guid, SystemSnapshot.Redemption> redemptions, Guid id) =>
        redemptions.TryGetValue(id, out var r) ? r.State : "unknown to Ticketing";

    /// <summary>Each member's balance as Points computes it (available and frozen follow its lot policy), read by an operator.</summary>
    private static async Task<IReadOnlyDictionary<Guid, JsonElement>> BalancesAsync(Journeys journeys, IEnumerable<Guid> members)
    {
        using var operatorClient = await journeys.StaffAsync("operator");
        var balances = new ConcurrentDictionary<Guid, JsonElement>();
        await Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (member, ct) =>
        {
            using var response = await operatorClient.GetAsync(new Uri($"/api/points/members/{member}/balance", UriKind.Relative), ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                balances[member] = await response.ReadJsonAsync();
            }
        });
        return balances;
    }
}
