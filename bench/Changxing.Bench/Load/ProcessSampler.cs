using System.Globalization;

namespace Changxing.Bench.Load;

/// <summary>
/// Reads /proc once a second: each watched service's resident memory (its peak is the "peak working set") and CPU
/// time, RabbitMQ's and PostgreSQL's CPU (all their processes, whoever they serve), and the machine's busy share,
/// so a load step can say who used the two cores. Linux only. A watched service is one or more processes (its
/// instances), found again by id at each sample, so a restarted instance is followed; its CPU time is the sum of its
/// processes', its resident memory their sum at one sample.
/// </summary>
public sealed class ProcessSampler : IAsyncDisposable
{
    private const double TicksPerSecond = 100; // USER_HZ, `getconf CLK_TCK` on Linux
    private static readonly Dictionary<string, string> SharedServers = new() { ["RabbitMQ"] = "beam.smp", ["PostgreSQL"] = "postgres" };

    private readonly Dictionary<string, Func<IEnumerable<int>>> _watched;
    private readonly Dictionary<string, long> _peakKb = [];
    private readonly Dictionary<string, long> _cpuTicks = [];
    private readonly Dictionary<int, long> _lastTicks = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private (long Busy, long Total) _machine;

    /// <param name="watched">Per name, the ids of its running processes (none while stopped).</param>
    public ProcessSampler(IReadOnlyDictionary<string, Func<IEnumerable<int>>> watched)
    {
        _watched = watched.ToDictionary();
        _machine = MachineTicks();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Cumulative CPU seconds per process and of the machine so far; subtract two marks for an interval.</summary>
    public CpuMark Mark()
    {
        lock (_gate)
        {
            Sample();
            return new CpuMark(DateTimeOffset.UtcNow, _cpuTicks.ToDictionary(p => p.Key, p => p.Value / TicksPerSecond), _machine.Busy / TicksPerSecond, _machine.Total / TicksPerSecond);
        }
    }

    /// <summary>The highest resident memory seen per watched service (all its processes together), in MiB.</summary>
    public IReadOnlyDictionary<string, double> PeakMegabytes()
    {
        lock (_gate)
        {
            return _peakKb.ToDictionary(p => p.Key, p => p.Value / 1024.0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(_stop.Token))
        {
            lock (_gate)
            {
                Sample();
            }
        }
    }

    private void Sample()
    {
        _machine = MachineTicks();
        var watchedIds = new HashSet<int>();
        foreach (var (name, ids) in _watched)
        {
            long? rssKb = null;
            foreach (var id in ids())
            {
                watchedIds.Add(id);
                if (ReadProcess(id) is { } process)
                {
                    rssKb = rssKb.GetValueOrDefault() + process.RssKb;
                    AddTicks(name, id, process.Ticks);
                }
            }

            if (rssKb is { } kb)
            {
                _peakKb[name] = Math.Max(_peakKb.GetValueOrDefault(name), kb);
            }
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var id) || watchedIds.Contains(id))
            {
                continue;
            }

            var command = TryRead(Path.Combine(dir, "comm"))?.Trim();
            foreach (var (name, comm) in SharedServers)
            {
                if (command == comm && ReadProcess(id) is { } process)
                {
                    AddTicks(name, id, process.Ticks);
                }
            }
        }
    }

    /// <summary>Adds what a process used since its last sample to its name's total (a new process counts from zero).</summary>
    private void AddTicks(string name, int id, long ticks)
    {
        var previous = _lastTicks.GetValueOrDefault(id);
        _cpuTicks[name] = _cpuTicks.GetValueOrDefault(name) + Math.Max(0, ticks - previous);
        _lastTicks[id] = ticks;
    }

    private static (long RssKb, long Ticks)? ReadProcess(int id)
    {
        var status = TryRead($"/proc/{id}/status");
        var stat = TryRead($"/proc/{id}/stat");
        if (status is null || stat is null)
        {
            return null;
        }

        var rss = status.Split('\n').FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var rssKb = rss is null ? 0 : long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

        // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (rssKb, ticks);
    }

    private static (long Busy, long Total) MachineTicks()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = cpu.Take(8).Sum();
        var idle = cpu[3] + cpu[4];
        return (total - idle, total);
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
