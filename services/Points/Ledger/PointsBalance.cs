using Changxing.Points.Members;

namespace Changxing.Points.Ledger;

/// <summary>
/// What a member sees. Conservation: <c>LifetimeCredited = Available + Frozen.Total + Held + Captured + Expired</c>.
/// </summary>
public sealed record PointsBalance(
    Guid MemberId,
    long Available,
    FrozenPoints Frozen,
    long Held,
    long Captured,
    long Expired,
    long LifetimeCredited,
    DateOnly? LastCreditedOn,
    bool RedemptionUnlocked,
    long ThresholdShortfall)
{
    public static PointsBalance Of(PointsMember member, IEnumerable<PointsLot> lots, DateOnly today, LotPolicy policy)
    {
        long available = 0, expiringSoon = 0, frozenExpired = 0, held = 0, captured = 0, expired = 0;
        foreach (var lot in lots)
        {
            held += lot.Held;
            captured += lot.Captured;
            expired += lot.Expired;
            if (policy.CanPay(lot, today))
            {
                available += lot.Remaining;
            }
            else if (policy.StateOn(lot, today) == LotState.Expired)
            {
                frozenExpired += lot.Remaining;
            }
            else
            {
                expiringSoon += lot.Remaining;
            }
        }

        return new PointsBalance(
            member.MemberId,
            available,
            new FrozenPoints(expiringSoon + frozenExpired, expiringSoon, frozenExpired),
            held,
            captured,
            expired,
            member.LifetimeCredited,
            member.LastCreditedOn,
            member.RedemptionUnlocked,
            member.ThresholdShortfall);
    }
}
