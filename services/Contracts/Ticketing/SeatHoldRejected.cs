namespace Changxing.Contracts.Ticketing;

/// <summary>Reason: NotRedeemable, QuotaExhausted, SoldOut, PassengerAlreadyHasTicket, UnknownTrain.</summary>
public sealed record SeatHoldRejected(Guid RedemptionId, string Reason, string Detail);
