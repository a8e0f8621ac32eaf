namespace Changxing.Web.Staff.Operator;

/// <summary>A "兑" allotment of one run and class, optionally limited to a boarding or alighting station.</summary>
public sealed record Allotment(Guid Id, string SeatClass, string? FromStation, string? ToStation, int Quota, int Used);
