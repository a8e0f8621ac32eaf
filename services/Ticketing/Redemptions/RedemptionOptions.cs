namespace Changxing.Ticketing.Redemptions;

/// <summary>Configuration section <c>Redemptions</c>.</summary>
public sealed class RedemptionOptions
{
    public const string Section = "Redemptions";

    /// <summary>How long a step may go unanswered before its command is re-sent.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Re-sends of an overdue step before the redemption fails with StepTimedOut and compensates.</summary>
    public int MaxResends { get; set; } = 3;

    /// <summary>How often unanswered compensations are re-sent; they are never given up.</summary>
    public TimeSpan CompensationRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A redemption not finished and unchanged for this long is listed as stuck for operators.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(5);
}
