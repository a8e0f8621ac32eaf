namespace Changxing.Points.Expiry;

/// <summary>What one run of the expiry job reported.</summary>
public sealed record LotExpiryReport(int ExpiringSoonReported, int ExpiredReported);
