namespace Changxing.Contracts.Redemptions;

/// <summary>A member asked to pay a one-way ticket with points; starts the redemption saga.</summary>
public sealed record RedemptionRequested(
    Guid RedemptionId,
    Guid MemberId,
    Guid? BeneficiaryId,
    string TrainNumber,
    DateOnly TravelDate,
    string FromStation,
    string ToStation,
    string SeatClass,
    decimal Fare,
    long Points,
    string AuthorisationCode,
    DateTimeOffset RequestedAt);
