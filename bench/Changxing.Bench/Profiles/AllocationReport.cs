using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;
using Spectre.Console.Cli;

namespace Changxing.Bench.Profiles;

/// <summary>
/// What allocates in a process, from a <c>dotnet-trace</c> capture with the <c>gc-verbose</c> profile: the runtime's
/// allocation samples (one about every 100 KB) summed by type, by the frame that allocated and by every frame on the
/// stack (inclusive). docs/PERFORMANCE.md quotes its shares. Hand-written because dotnet-trace's own report lists CPU
/// samples only, and PerfView, which reads these events, runs on Windows; TraceEvent is the library both build on.
/// </summary>
public sealed class AllocationReport : AsyncCommand<AllocationReportSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, AllocationReportSettings settings, CancellationToken cancellationToken)
    {
        // The conversion is kept beside the capture and redone when the capture is newer (a new one under the same name).
        var etlx = Path.ChangeExtension(settings.Trace, ".etlx");
        if (!File.Exists(etlx) || File.GetLastWriteTimeUtc(etlx) < File.GetLastWriteTimeUtc(settings.Trace))
        {
            TraceLog.CreateFromEventPipeDataFile(settings.Trace, etlx);
        }

        using var log = new TraceLog(etlx);
        var byType = new Dictionary<string, long>();
        var bySelf = new Dictionary<string, long>();
        var byFrame = new Dictionary<string, long>();
        long total = 0;
        foreach (var traceEvent in log.Events)
        {
            if (traceEvent is not GCAllocationTickTraceData sample)
            {
                continue;
            }

            var frames = Frames(sample);
            if (settings.Under is { } under)
            {
                var at = frames.FindIndex(f => f.Contains(under, StringComparison.Ordinal));
                if (at < 0)
                {
                    continue;
                }

                frames.RemoveRange(at, frames.Count - at);
            }

            var bytes = sample.AllocationAmount64;
            total += bytes;
            Add(byType, sample.TypeName, bytes);
            if (frames.Count > 0)
            {
                Add(bySelf, frames[0], bytes);
            }

            foreach (var frame in frames.Distinct())
            {
                Add(byFrame, frame, bytes);
            }
        }

        Console.WriteLine($"{total / 1e6:N1} MB in allocation samples{(settings.Under is null ? "" : $" under frames containing \"{settings.Under}\"")}.");
        Print("by type", byType, total, settings.Top);
        Print("by the frame that allocated", bySelf, total, settings.Top);
        Print("by frame, inclusive", byFrame, total, settings.Top);
        return Task.FromResult(0);
    }

    private static List<string> Frames(GCAllocationTickTraceData sample)
    {
        var frames = new List<string>();
        for (var frame = sample.CallStack(); frame is not null; frame = frame.Caller)
        {
            var name = frame.CodeAddress.FullMethodName;
            frames.Add(string.IsNullOrEmpty(name) ? frame.CodeAddress.ModuleName + "!?" : name);
        }

        return frames;
    }

    private static void Add(Dictionary<string, long> sums, string key, long bytes) =>
        sums[key] = sums.GetValueOrDefault(key) + bytes;

    private static void Print(string title, Dictionary<string, long> sums, long total, int top)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title}");
        foreach (var (name, bytes) in sums.OrderByDescending(s => s.Value).Take(top))
        {
            Console.WriteLine($"{100.0 * bytes / Math.Max(total, 1),6:0.0} %  {name}");
        }
    }
}
