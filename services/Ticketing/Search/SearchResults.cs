namespace Changxing.Ticketing.Search;

public sealed record StationView(string Code, string Name, string Pinyin);

public sealed record SearchResponse(StationView From, StationView To, DateOnly Date, TripType Trip, IReadOnlyList<TrainOffer> Trains);

public sealed record TrainOffer(
    string TrainNumber,
    string FromStation,
    string ToStation,
    DateTimeOffset DepartsAt,
    DateTimeOffset ArrivesAt,
    int DurationMinutes,
    string Duration,
    IReadOnlyList<ClassOffer> Classes);

/// <summary>One seat class of a train for the searched segment. <see cref="Mark"/> is "兑" when points can pay it.</summary>
public sealed record ClassOffer(string SeatClass, string SeatClassName, decimal Fare, int SeatsLeft, bool Redeemable, string? Mark, long? PointsPrice);

/// <summary>What the redemption API needs to accept and price a request before its saga starts.</summary>
public sealed record RedemptionQuote(
    string TrainNumber,
    DateOnly TravelDate,
    string FromStation,
    string ToStation,
    string SeatClass,
    decimal Fare,
    long Points,
    int SeatsLeft,
    int QuotaLeft,
    DateTimeOffset DepartsAt);
