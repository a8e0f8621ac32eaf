using System.ComponentModel.DataAnnotations;
using Changxing.ServiceDefaults.Hosting;

namespace Changxing.Ticketing;

/// <summary>Configuration section <c>Ticketing</c>, checked at start-up.</summary>
public sealed class TicketingOptions
{
    public const string Section = "Ticketing";

    /// <summary>How long a redemption's seat hold lasts before the sweeper frees it (default 30 minutes).</summary>
    [PositiveDuration(ErrorMessage = $"{Section}:{nameof(HoldDuration)} must be longer than zero.")]
    public TimeSpan HoldDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the sweeper looks for expired holds.</summary>
    [PositiveDuration(ErrorMessage = $"{Section}:{nameof(SweepInterval)} must be longer than zero.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Runs are kept scheduled this many days ahead, counting today.</summary>
    [Range(1, int.MaxValue, ErrorMessage = $"{Section}:{nameof(RunDaysAhead)} must be at least 1.")]
    public int RunDaysAhead { get; set; } = 60;

    /// <summary>How often the run calendar adds the days that came into range.</summary>
    [PositiveDuration(ErrorMessage = $"{Section}:{nameof(CalendarInterval)} must be longer than zero.")]
    public TimeSpan CalendarInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Insert the reference stations, trains and "兑" allotments at start-up (idempotent).</summary>
    public bool SeedReferenceData { get; set; } = true;
}
