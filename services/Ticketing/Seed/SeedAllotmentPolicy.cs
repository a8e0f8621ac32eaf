using Changxing.Ticketing.Allotments;
using Changxing.Ticketing.Trains;

namespace Changxing.Ticketing.Seed;

/// <summary>
/// Which seeded runs get "兑" allotments, chosen so the mark really varies by train, date and class:
/// G trains carry a second-class quota on two days in three (G1's only for the whole Beijing South→Shanghai Hongqiao
/// journey, G101's only from Beijing South) and a first-class quota at weekends; business class never; the D trains
/// never; the sleepers a hard-sleeper quota on every other day. Deterministic, so seeding twice gives the same.
/// </summary>
public static class SeedAllotmentPolicy
{
    public const int SecondClassQuota = 30;
    public const int FirstClassQuota = 6;
    public const int HardSleeperQuota = 10;

    public static IEnumerable<Allotment> For(string trainNumber, DateOnly serviceDate, Guid runId)
    {
        var day = serviceDate.DayNumber;
        var salt = trainNumber.Sum(c => (int)c);
        switch (Train.KindOf(trainNumber))
        {
            case "G":
                if ((day + salt) % 3 != 0)
                {
                    var (from, to) = trainNumber switch
                    {
                        "G1" => ("VNP", "AOH"),
                        "G101" => ("VNP", (string?)null),
                        _ => ((string?)null, (string?)null),
                    };
                    yield return New(runId, SeatClass.Second, SecondClassQuota, from, to);
                }

                if (serviceDate.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    yield return New(runId, SeatClass.First, FirstClassQuota, null, null);
                }

                break;
            case "T":
            case "Z":
                if (day % 2 == 0)
                {
                    yield return New(runId, SeatClass.HardSleeper, HardSleeperQuota, null, null);
                }

                break;
        }
    }

    private static Allotment New(Guid runId, string seatClass, int quota, string? from, string? to) =>
        new() { Id = Guid.NewGuid(), RunId = runId, SeatClass = seatClass, Quota = quota, FromStation = from, ToStation = to };
}
