namespace Changxing.SystemHarness.Scenarios;

/// <summary>
/// A seat class of a train from Beijing South to Shanghai Hongqiao that Ticketing still sells for money and that will
/// have left, in Points' eyes (it runs ahead, <see cref="SystemOptions.PointsClockAheadDays"/>), by the time it is back-registered.
/// </summary>
public sealed record EarningOffer(string Train, DateOnly Date, string SeatClass, decimal Fare);
