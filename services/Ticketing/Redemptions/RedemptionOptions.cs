using System.ComponentModel.DataAnnotations;
using Changxing.ServiceDefaults.Hosting;

namespace Changxing.Ticketing.Redemptions;

/// <summary>Configuration section <c>Redemptions</c>, checked at start-up.</summary>
public sealed class RedemptionOptions
{
    public const string Section = "Redemptions";

    /// <summary>How long a step may go unanswered before its command is re-sent.</summary>
    [PositiveDuration(ErrorMessage = $"{Section}:{nameof(StepTimeout)} must be longer than zero.")]
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Re-sends of an overdue step before the redemption fails with StepTimedOut and compensates.</summary>
    [Range(0, int.MaxValue, ErrorMessage = $"{Section}:{nameof(MaxResends)} must be at least 0.")]
    public int MaxResends { get; set; } = 3;

    /// <summary>How often unanswered compensations are re-sent; they are never given up.</summary>
    [PositiveDuration(ErrorMessage = $"{Section}:{nameof(CompensationRetryInterval)} must be longer than zero.")]
    public TimeSpan CompensationRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A redemption not finished and unchanged for this long is listed as stuck for operators.</summary>
    [PositiveDuration(ErrorMessage = $"{Section}:{nameof(StuckAfter)} must be longer than zero.")]
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(5);
}
