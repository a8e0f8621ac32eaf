namespace Changxing.Contracts.Points;

/// <summary>A lot of points was credited. <paramref name="Source"/>: Trip, BackRegistration or Refund.</summary>
public sealed record PointsCredited(Guid MemberId, Guid LotId, long Points, string Source, string? TicketNumber, DateOnly ExpiresOn, long LifetimeCredited, DateTimeOffset CreditedAt);
