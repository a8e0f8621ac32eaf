using System.Collections.Concurrent;
using Changxing.SystemHarness.Scenarios;

namespace Changxing.SystemHarness.Faults;

/// <summary>
/// A small, steady stream of redemptions for the fault drills: each member submits a redemption of the next run every
/// <paramref name="pace"/>, without waiting for the previous ones to finish, so many are in flight when a fault strikes
/// (a passenger redeems each run once). A submission the system could not answer (a process down, the gateway's 502)
/// is retried with the same Idempotency-Key and authorisation code, so a redemption accepted before the answer was
/// lost is not submitted twice. Not a load generator: that is the load benchmark's.
/// </summary>
public sealed class RedemptionStream(SystemUnderTest system, IReadOnlyList<Member> members, IReadOnlyList<RedeemableRun> runs, TimeSpan pace)
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(500);
    private readonly Journeys _journeys = new(system);
    private readonly ConcurrentQueue<Guid> _accepted = new();
    private int _unanswered;

    /// <summary>Redemptions the system accepted (202), in order of acceptance.</summary>
    public IReadOnlyCollection<Guid> Accepted => _accepted;

    /// <summary>Calls (authorise, submit) that failed while a fault was on and were retried.</summary>
    public int Unanswered => _unanswered;

    /// <summary>Runs until <paramref name="stop"/> is cancelled or the members have redeemed every run; redemptions in flight are left to finish on their own.</summary>
    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(members.Select((member, i) => RedeemInTurnAsync(member, i, stop)));

    private async Task RedeemInTurnAsync(Member member, int offset, CancellationToken stop)
    {
        // Members start at different runs so they do not all queue for one seat map; a passenger uses each run once.
        for (var n = 0; n < runs.Count && !stop.IsCancellationRequested; n++)
        {
            var (train, date) = (runs[(n + offset) % runs.Count].Train, runs[(n + offset) % runs.Count].Date);
            var code = await RetryAsync(() => _journeys.AuthoriseAsync(member), stop);
            var key = Guid.NewGuid().ToString("N");
            var id = await RetryAsync(() => _journeys.RedeemAsync(member, train, date, code!, idempotencyKey: key), stop);
            if (code is null || id == Guid.Empty)
            {
                return;
            }

            _accepted.Enqueue(id);
            try
            {
                await Task.Delay(pace, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<T?> RetryAsync<T>(Func<Task<T>> call, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref _unanswered);
                try
                {
                    await Task.Delay(RetryPause, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        return default;
    }
}
