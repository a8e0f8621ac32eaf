using System.Net.Http.Json;
using Changxing.SystemHarness.Scenarios;

namespace Changxing.SystemHarness.Load;

/// <summary>
/// Members ready to redeem, seeded through the gateway the way people and staff would: signed up, activated, points
/// earned for several redemptions (real money-paid tickets sold at the window on trains leaving within Points' lead,
/// each back-registered (补登): Points credits only what Ticketing sold), a consumption password set and a verified beneficiary made
/// effective; and the redeemable runs they redeem on, each with its "兑" quota raised by the operator. Load
/// generators take their next redemption from <see cref="Next"/>.
/// </summary>
public sealed class Population : IDisposable
{
    private const string SeatClass = "Second";

    // The leg redeemed: Beijing South → Tianjin South (122 km, about 5,500 points in second class), served by four trains
    // a day. Every point is earned from a real money-paid ticket since Points believes only Ticketing's facts, and a
    // ramp of some 11,000 redemptions of the whole line (55,300 points each) would need more fares than the trains
    // have seats; a tenth of that fits in the business class of the runs within Points' lead. The saga's work per
    // redemption does not depend on the leg.
    private const string From = "VNP";
    private const string To = "TIP";

    // Aged 60+ (points x15, so fewer back-registrations) and spread over twenty years of birth dates: an ID number has
    // only 1,000 sequence numbers per birth date and two people may not share one.
    private static readonly DateOnly OldestMember = new(1945, 1, 1);
    private static readonly DateOnly OldestBeneficiary = new(1970, 1, 1);
    private const int BirthDateSpreadDays = 7_000;

    private readonly int _redemptionsPerMember;
    private readonly int[] _planned;
    private readonly bool[] _busy;
    private readonly Lock _gate = new();
    private int _cursor;
    private long _sequence;

    private Population(IReadOnlyList<RedeemingMember> members, IReadOnlyList<RedeemableRun> runs, int redemptionsPerMember)
    {
        Members = members;
        Runs = runs;
        _redemptionsPerMember = Math.Min(redemptionsPerMember, runs.Count);
        _planned = new int[members.Count];
        _busy = new bool[members.Count];
    }

    public IReadOnlyList<RedeemingMember> Members { get; }

    /// <summary>The second-class runs from Beijing South to Tianjin South showing "兑", with their quota raised.</summary>
    public IReadOnlyList<RedeemableRun> Runs { get; }

    /// <summary>How many redemptions the population was seeded for (members x redemptions each).</summary>
    public long Capacity => (long)Members.Count * _redemptionsPerMember;

    /// <summary>How many redemptions <see cref="Next"/> has planned so far.</summary>
    public long Planned
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>Every member has been planned all the redemptions they were seeded for.</summary>
    public bool Exhausted => Planned >= Capacity;

    public static async Task<Population> SeedAsync(
        SystemUnderTest system, PopulationOptions options, IProgress<SeedingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Members, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RedemptionsPerMember, 1);
        var journeys = new Journeys(system);
        var runs = await RaiseQuotasAsync(journeys, options.QuotaPerRun, options.Concurrency, progress, cancellationToken);
        var needed = options.RedemptionsPerMember * runs.Max(r => r.Points);

        var members = new RedeemingMember[options.Members];
        var done = 0;
        progress?.Report(new SeedingProgress("members", 0, members.Length));
        await Parallel.ForEachAsync(
            Enumerable.Range(0, members.Length),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (i, _) =>
            {
                members[i] = await SeedMemberAsync(journeys, needed);
                progress?.Report(new SeedingProgress("members", Interlocked.Increment(ref done), members.Length));
            });

        var population = new Population(members, runs, options.RedemptionsPerMember);
        if (options.EffectiveBeneficiaries)
        {
            progress?.Report(new SeedingProgress("beneficiaries effective", 0, 1));
            // Every instance: one left on today's clock refuses the not-yet-effective beneficiaries, and expires the
            // payment authorisations the others issue 61 days ahead.
            foreach (var membership in system.Instances("Membership"))
            {
                membership.SetEnvironment("DevelopmentClock__OffsetDays", "61");
                await system.RestartAsync(membership.Name);
            }
            progress?.Report(new SeedingProgress("beneficiaries effective", 1, 1));
        }

        return population;
    }

    /// <summary>
    /// The next redemption to make, by the next idle member (round robin), or null when every member with
    /// redemptions left is busy (see <see cref="Exhausted"/> for whether any are left). The member stays busy until
    /// <see cref="Finished"/>: a person does not redeem twice at once, and Membership refuses concurrent payment
    /// authorisations of one member (409 ConcurrentAttempt). A member's k-th redemption is on run (member + k) mod
    /// runs, so no beneficiary is planned twice on one run and concurrent redemptions spread over the runs (each run
    /// is locked while a seat is held). Thread-safe.
    /// </summary>
    public PlannedRedemption? Next()
    {
        lock (_gate)
        {
            for (var i = 0; i < Members.Count; i++)
            {
                var member = (_cursor + i) % Members.Count;
                if (_busy[member] || _planned[member] >= _redemptionsPerMember)
                {
                    continue;
                }

                _busy[member] = true;
                _cursor = member + 1;
                var run = Runs[(member + _planned[member]++) % Runs.Count];
                return new PlannedRedemption(Members[member], run, _sequence++) { MemberIndex = member };
            }

            return null;
        }
    }

    /// <summary>The member of <paramref name="plan"/> is idle again (its redemption finished, failed or was given up).</summary>
    public void Finished(PlannedRedemption plan)
    {
        lock (_gate)
        {
            _busy[plan.MemberIndex] = false;
        }
    }

    public void Dispose()
    {
        foreach (var member in Members)
        {
            member.Member.Dispose();
        }
    }

    private static async Task<List<RedeemableRun>> RaiseQuotasAsync(
        Journeys journeys, int quota, int concurrency, IProgress<SeedingProgress>? progress, CancellationToken cancellationToken)
    {
        var runs = new List<RedeemableRun>();
        await foreach (var run in journeys.RedeemableRunsAsync(SeatClass, From, To).WithCancellation(cancellationToken))
        {
            runs.Add(run);
        }

        if (runs.Count == 0)
        {
            throw new InvalidOperationException($"Ticketing shows no redeemable second-class run from {From} to {To}: nothing to load.");
        }

        using var operatorClient = await journeys.StaffAsync("operator");
        var done = 0;
        await Parallel.ForEachAsync(runs, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (run, token) =>
        {
            var path = $"/api/ticketing/runs/{run.Train}/{run.Date:yyyy-MM-dd}/allotments";
            foreach (var allotment in (await operatorClient.GetJsonAsync(path)).EnumerateArray().Where(a => a.Str("seatClass") == SeatClass))
            {
                // An allotment may not exceed the class's seats (Ticketing refuses it); a fresh run has them all left.
                using var response = await operatorClient.PutAsJsonAsync($"{path}/{allotment.GetProperty("id").GetGuid()}", new { quota = Math.Min(quota, run.SeatsLeft) }, token);
                await response.ReadJsonAsync();
            }

            progress?.Report(new SeedingProgress("runs", Interlocked.Increment(ref done), runs.Count));
        });

        return runs;
    }

    private static async Task<RedeemingMember> SeedMemberAsync(Journeys journeys, long needed)
    {
        var member = await journeys.SignUpAsync(OldestMember.AddDays(Random.Shared.Next(BirthDateSpreadDays)));
        try
        {
            await journeys.ActivateAsync(member);
            long earned = 0;
            while (earned < needed)
            {
                // x15 for members aged 60 or more; the loop covers any other multiplier. Each yuan is a real ticket's fare
                // (Journeys.EarnAsync), so the seats sellable within Points' lead bound how many points a population can have.
                earned += await journeys.EarnAsync(member, Math.Ceiling((needed - earned) / 15m));
            }

            await journeys.SetConsumptionPasswordAsync(member);
            var beneficiary = await journeys.AddVerifiedBeneficiaryAsync(member, OldestBeneficiary.AddDays(Random.Shared.Next(BirthDateSpreadDays)));
            return new RedeemingMember(member, beneficiary, earned);
        }
        catch
        {
            member.Dispose();
            throw;
        }
    }
}
