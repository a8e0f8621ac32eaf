namespace Changxing.Contracts.Ticketing;

/// <summary>
/// Saga step 3: hold one seat of <paramref name="SeatClass"/> on the run of <paramref name="TrainNumber"/> on
/// <paramref name="TravelDate"/> for the segment from/to (station telegraph codes), inside the "兑" quota.
/// Idempotent by redemption id.
/// </summary>
public sealed record HoldSeat(Guid RedemptionId, Guid MemberId, string TrainNumber, DateOnly TravelDate, string FromStation, string ToStation, string SeatClass, string PassengerKey);
