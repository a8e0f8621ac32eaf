namespace Changxing.Ticketing;

/// <summary>Configuration section <c>Ticketing</c>.</summary>
public sealed class TicketingOptions
{
    public const string Section = "Ticketing";

    /// <summary>How long a redemption's seat hold lasts before the sweeper frees it (default 30 minutes).</summary>
    public TimeSpan HoldDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the sweeper looks for expired holds.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Runs are kept scheduled this many days ahead, counting today.</summary>
    public int RunDaysAhead { get; set; } = 60;

    /// <summary>How often the run calendar adds the days that came into range.</summary>
    public TimeSpan CalendarInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Insert the reference stations, trains and "兑" allotments at start-up (idempotent).</summary>
    public bool SeedReferenceData { get; set; } = true;
}
