using System.Diagnostics;

namespace Changxing.TestSupport;

/// <summary>Polls an asynchronous condition until it holds: for effects that cross a message bus, never a fixed sleep.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan? timeout = null, string? because = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var watch = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(25);
        T last = default!;
        while (watch.Elapsed < limit)
        {
            last = await probe();
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }

        throw new TimeoutException($"Condition not met within {limit.TotalSeconds:0.#} s{(because is null ? "" : ": " + because)}. Last value: {last}");
    }

    public static Task Until(Func<Task<bool>> probe, TimeSpan? timeout = null, string? because = null) =>
        Until(probe, ok => ok, timeout, because);
}
