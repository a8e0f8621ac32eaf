using System.ComponentModel.DataAnnotations;
using Changxing.ServiceDefaults.Hosting;

namespace Changxing.Messaging.Sagas;

/// <summary>How often the sweeper looks for overdue steps, how many it handles per query, and when it signals one again.</summary>
public sealed class StepDeadlineOptions
{
    /// <summary>The configuration section a service may bind (the sweeper works with the defaults when none is bound).</summary>
    public const string Section = "StepDeadlines";

    [PositiveDuration(ErrorMessage = $"{Section}:{nameof(SweepInterval)} must be longer than zero.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, int.MaxValue, ErrorMessage = $"{Section}:{nameof(BatchSize)} must be at least 1.")]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How long after signalling an overdue step the sweeper signals it again while the saga has not moved on. The
    /// signal is a message: one that never reaches the saga (moved to an <c>_error</c> queue after its retries failed
    /// during a database outage, or lost by the broker) would otherwise leave the saga waiting for ever.
    /// </summary>
    [PositiveDuration(ErrorMessage = $"{Section}:{nameof(ResignalAfter)} must be longer than zero.")]
    public TimeSpan ResignalAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>False leaves sweeping to explicit <c>RunOnceAsync</c> calls (tests that count deadline events).</summary>
    public bool SweepInBackground { get; set; } = true;
}
