namespace Changxing.Points.Ledger;

/// <summary>Points that cannot pay, and why: in their expiring-soon window, or past their expiry day but not yet swept by the daily job.</summary>
public sealed record FrozenPoints(long Total, long ExpiringSoon, long Expired);
