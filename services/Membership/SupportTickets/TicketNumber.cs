namespace Changxing.Membership.SupportTickets;

/// <summary>Human-readable ticket numbers: GD (工单), the China calendar date, and that day's sequence, e.g. GD20261125-000123.</summary>
public static class TicketNumber
{
    public const string Prefix = "GD";

    public static string DayPrefix(DateOnly day) => $"{Prefix}{day:yyyyMMdd}-";

    public static string Format(DateOnly day, int sequence) => $"{DayPrefix(day)}{sequence:000000}";
}
