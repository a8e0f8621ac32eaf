namespace Changxing.Ticketing.Inventory;

/// <summary>
/// Ask for one seat on a segment. <paramref name="RedemptionId"/> is set for points redemptions, which must fit a
/// "兑" allotment and expire unless ticketed; money-paid sales have none.
/// </summary>
public sealed record HoldRequest(
    Guid? RedemptionId,
    Guid MemberId,
    string TrainNumber,
    DateOnly TravelDate,
    string FromStation,
    string ToStation,
    string SeatClass,
    string PassengerKey)
{
    public bool AgainstQuota => RedemptionId is not null;
}
