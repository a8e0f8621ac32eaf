namespace Changxing.Web.Shared;

/// <summary>Seat classes as the timetable names them.</summary>
public static class SeatClassNames
{
    public static string Of(string seatClass) => seatClass switch
    {
        "Business" => "商务座 Business",
        "First" => "一等座 First",
        "Second" => "二等座 Second",
        "SoftSleeper" => "软卧 Soft sleeper",
        "HardSleeper" => "硬卧 Hard sleeper",
        _ => seatClass,
    };
}
