namespace Changxing.SystemHarness.Load;

/// <summary>How <see cref="RedemptionLoad"/> follows each redemption to its end.</summary>
public sealed record RedemptionLoadOptions
{
    /// <summary>
    /// How long each submission and each later read asks the API to hold its answer until the redemption has finished
    /// (<c>Prefer: wait</c>), as a real client would, rather than reading again and again. Latency is read from the
    /// redemption's timeline, so this changes the load (requests per redemption) but not the figures.
    /// </summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The pause before reading again after a read that failed.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A redemption not finished this long after it was accepted counts as "unfinished".</summary>
    public TimeSpan FinishTimeout { get; init; } = TimeSpan.FromSeconds(90);
}
