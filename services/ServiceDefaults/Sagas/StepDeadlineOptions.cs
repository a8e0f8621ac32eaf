namespace Changxing.ServiceDefaults.Sagas;

/// <summary>How often the sweeper looks for overdue steps, and how many it handles per query.</summary>
public sealed class StepDeadlineOptions
{
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 100;

    /// <summary>False leaves sweeping to explicit <c>RunOnceAsync</c> calls (tests that count deadline events).</summary>
    public bool SweepInBackground { get; set; } = true;
}
