using Changxing.TestSupport;

namespace Changxing.SystemHarness.Faults;

/// <summary>
/// Messages that exhausted their retries (MassTransit moves them to the endpoint's <c>_error</c> queue): each is a
/// message no consumer handled, which only a step deadline's re-send can make up for.
/// </summary>
public static class ErrorQueues
{
    /// <summary>Message counts of the virtual host's non-empty <c>_error</c> queues.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(string virtualHost)
    {
        var listing = await RabbitMqCtl.RunAsync("list_queues", "-p", virtualHost, "--no-table-headers", "name", "messages");
        return listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', ' ').Where(p => p.Length > 0).ToArray())
            .Where(p => p.Length == 2 && p[0].EndsWith("_error", StringComparison.Ordinal) && long.TryParse(p[1], out var n) && n > 0)
            .ToDictionary(p => p[0], p => long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
