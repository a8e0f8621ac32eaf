namespace Changxing.Web.Redeem;

/// <summary>Ticketing's quote (<c>GET /api/ticketing/quote</c>): what a redemption of this class would cost in points.</summary>
public sealed record RedemptionQuote(string TrainNumber, DateOnly TravelDate, string FromStation, string ToStation, string SeatClass, decimal Fare, long Points, int SeatsLeft, int QuotaLeft, DateTimeOffset DepartsAt);
