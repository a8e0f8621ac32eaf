namespace Changxing.Ticketing.Trains;

/// <summary>The seat classes 12306 sells on the trains we carry; the names travel in messages and URLs.</summary>
public static class SeatClass
{
    public const string Business = nameof(Business);
    public const string First = nameof(First);
    public const string Second = nameof(Second);
    public const string SoftSleeper = nameof(SoftSleeper);
    public const string HardSleeper = nameof(HardSleeper);

    /// <summary>In the order 12306 lists them, with their Chinese names.</summary>
    public static readonly IReadOnlyList<(string Name, string Chinese)> All =
    [
        (Business, "商务座"),
        (First, "一等座"),
        (Second, "二等座"),
        (SoftSleeper, "软卧"),
        (HardSleeper, "硬卧"),
    ];

    public static bool IsKnown(string? name) => name is not null && All.Any(c => c.Name == name);

    public static string Chinese(string name) => All.First(c => c.Name == name).Chinese;

    public static int Order(string name)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Name == name)
            {
                return i;
            }
        }

        return All.Count;
    }

    public static bool IsSleeper(string name) => name is SoftSleeper or HardSleeper;
}
