using System.ComponentModel.DataAnnotations;
using Changxing.ServiceDefaults.Hosting;

namespace Changxing.Points;

/// <summary>Configuration section <c>Points</c>: the policy settings of the ledger. The fixed rules are constants beside their code.</summary>
public sealed class PointsOptions
{
    public const string Section = "Points";

    /// <summary>A hold neither captured nor released within this time is released by the sweeper (last safety net).</summary>
    [PositiveDuration(ErrorMessage = $"{Section}:{nameof(HoldTimeout)} must be longer than zero.")]
    public TimeSpan HoldTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Length of a lot's "expiring soon" (即将过期) window before its expiry day.</summary>
    [Range(0, int.MaxValue, ErrorMessage = $"{Section}:{nameof(ExpiringSoonDays)} must be at least 0.")]
    public int ExpiringSoonDays { get; set; } = 30;

    /// <summary>Whether points in the expiring-soon window are frozen (cannot pay). The article says they are.</summary>
    public bool FreezeExpiringSoon { get; set; } = true;

    /// <summary>Run the expiry job and the hold sweeper in the background. Tests switch them off and call RunOnceAsync.</summary>
    public bool RunBackgroundJobs { get; set; } = true;

    /// <summary>How often the expiry job looks for lots to freeze or expire (it is idempotent; hourly catches the day change).</summary>
    [PositiveDuration(ErrorMessage = $"{Section}:{nameof(ExpiryJobInterval)} must be longer than zero.")]
    public TimeSpan ExpiryJobInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the sweeper looks for overdue holds.</summary>
    [PositiveDuration(ErrorMessage = $"{Section}:{nameof(HoldSweepInterval)} must be longer than zero.")]
    public TimeSpan HoldSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a back-registration waits for Ticketing's facts of the ticket before answering 503 DownstreamUnavailable.</summary>
    [PositiveDuration(ErrorMessage = $"{Section}:{nameof(TicketFactsTimeout)} must be longer than zero.")]
    public TimeSpan TicketFactsTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
