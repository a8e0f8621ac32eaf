using Changxing.SystemHarness.Scenarios;

namespace Changxing.SystemHarness.Load;

/// <summary>
/// The next redemption a load generator should make: who pays, for which run, for whom (the member's beneficiary).
/// <see cref="Population.Next"/> never plans the same beneficiary on the same run twice (one passenger, one seat per run).
/// </summary>
public sealed record PlannedRedemption(RedeemingMember Payer, RedeemableRun Run, long Sequence)
{
    internal int MemberIndex { get; init; }
}
