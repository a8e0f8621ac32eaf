namespace Changxing.SystemHarness.Load;

/// <summary>How <see cref="RedemptionLoad"/> follows each redemption to its end.</summary>
public sealed record RedemptionLoadOptions
{
    /// <summary>
    /// How often an accepted redemption is read until it has finished. Latency is read from the redemption's timeline,
    /// so this adds load (one GET per redemption per interval) but no error to the figures.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A redemption not finished this long after it was accepted counts as "unfinished".</summary>
    public TimeSpan FinishTimeout { get; init; } = TimeSpan.FromSeconds(90);
}
