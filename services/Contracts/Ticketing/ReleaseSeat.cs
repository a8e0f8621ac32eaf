namespace Changxing.Contracts.Ticketing;

/// <summary>Compensation: free the redemption's held seat and give the quota back. Idempotent; no hold answers released.</summary>
public sealed record ReleaseSeat(Guid RedemptionId, string Reason);
