namespace Changxing.Web.Search;

/// <summary>Ticketing's search answer (<c>GET /api/ticketing/search</c>).</summary>
public sealed record SearchResults(Station From, Station To, DateOnly Date, IReadOnlyList<TrainOffer> Trains);

public sealed record TrainOffer(string TrainNumber, string FromStation, string ToStation, DateTimeOffset DepartsAt, DateTimeOffset ArrivesAt, int DurationMinutes, string Duration, IReadOnlyList<ClassOffer> Classes);

/// <summary>One seat class of a train; <see cref="Mark"/> is "兑" when points can pay it.</summary>
public sealed record ClassOffer(string SeatClass, string SeatClassName, decimal Fare, int SeatsLeft, bool Redeemable, string? Mark, long? PointsPrice);
