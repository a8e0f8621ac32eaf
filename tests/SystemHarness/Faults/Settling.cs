using System.Diagnostics;
using Changxing.SystemHarness.Scenarios;
using Changxing.TestSupport;

namespace Changxing.SystemHarness.Faults;

/// <summary>After the faults and the load: waiting until every redemption is over and the invariants hold, or the time is up.</summary>
public static class Settling
{
    /// <summary>
    /// Waits until no redemption is live, then until the invariants hold (a compensation or a late release may still be
    /// on its way), within <paramref name="timeout"/>. Returns the last report and how long settling took.
    /// </summary>
    public static async Task<(InvariantReport Report, TimeSpan Took)> SettleAsync(SystemUnderTest system, Journeys journeys, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await Eventually.Until(async () => await LiveRedemptionsAsync(system) == 0, timeout, "every redemption completes or fails");
        }
        catch (TimeoutException)
        {
            // Reported by the invariants below.
        }

        var report = await Invariants.CheckAsync(system, journeys);
        while (!report.Holds && watch.Elapsed < timeout)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            report = await Invariants.CheckAsync(system, journeys);
        }

        return (report, watch.Elapsed);
    }

    public static async Task<long> LiveRedemptionsAsync(SystemUnderTest system)
    {
        await using var ticketing = await ServiceDatabase.OpenAsync(system, "Ticketing");
        var live = await ticketing.ListAsync("""SELECT COUNT(*) FROM "redemptions" WHERE "CurrentState" NOT IN ('Completed', 'Failed')""", r => r.GetInt64(0));
        return live[0];
    }
}
