using Changxing.SystemHarness.Scenarios;

namespace Changxing.SystemHarness.Load;

/// <summary>An active member with points, a consumption password (<see cref="Journeys.ConsumptionPassword"/>) and a verified beneficiary.</summary>
public sealed record RedeemingMember(Member Member, Guid BeneficiaryId, long PointsEarned);
