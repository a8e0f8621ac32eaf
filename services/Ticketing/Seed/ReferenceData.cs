using Changxing.Ticketing.Stations;
using Changxing.Ticketing.Trains;

namespace Changxing.Ticketing.Seed;

/// <summary>
/// The seeded network: the Beijing–Shanghai high-speed line (京沪高铁) with twelve G trains, the Shanghai–Nanjing
/// intercity (沪宁城际) with five D trains, and the conventional Beijing–Shanghai line (京沪线) with an overnight
/// sleeper pair. Stations carry their 12306 telegraph codes; kilometre posts are close to the real ones. Calling
/// patterns are realistic, times are generated from them (not a copy of today's timetable).
/// </summary>
public static class ReferenceData
{
    public static readonly IReadOnlyList<Station> Stations =
    [
        // 京沪高铁 Beijing–Shanghai high-speed railway
        S("VNP", "北京南", "Beijing Nan"), S("LJP", "廊坊", "Langfang"), S("TIP", "天津南", "Tianjin Nan"),
        S("CBP", "沧州西", "Cangzhou Xi"), S("DIP", "德州东", "Dezhou Dong"), S("JGK", "济南西", "Jinan Xi"),
        S("TMK", "泰安", "Tai'an"), S("QAK", "曲阜东", "Qufu Dong"), S("TEK", "滕州东", "Tengzhou Dong"),
        S("ZEK", "枣庄", "Zaozhuang"), S("UUH", "徐州东", "Xuzhou Dong"), S("SRH", "宿州东", "Suzhou Dong"),
        S("FWH", "蚌埠南", "Bengbu Nan"), S("CXH", "滁州", "Chuzhou"), S("NKH", "南京南", "Nanjing Nan"),
        S("ZEH", "镇江南", "Zhenjiang Nan"), S("RNH", "丹阳北", "Danyang Bei"), S("ESH", "常州北", "Changzhou Bei"),
        S("WGH", "无锡东", "Wuxi Dong"), S("OHH", "苏州北", "Suzhou Bei"), S("KNH", "昆山南", "Kunshan Nan"),
        S("AOH", "上海虹桥", "Shanghai Hongqiao"),

        // 京沪线 and 沪宁城际 (conventional and intercity stations in the city centres)
        S("BJP", "北京", "Beijing"), S("TJP", "天津", "Tianjin"), S("DZP", "德州", "Dezhou"), S("JNK", "济南", "Jinan"),
        S("XCH", "徐州", "Xuzhou"), S("BBH", "蚌埠", "Bengbu"), S("NJH", "南京", "Nanjing"), S("ZJH", "镇江", "Zhenjiang"),
        S("CZH", "常州", "Changzhou"), S("WXH", "无锡", "Wuxi"), S("SZH", "苏州", "Suzhou"), S("SHH", "上海", "Shanghai"),
    ];

    /// <summary>CR400AF, 8 cars: business in car 1, first in car 2, second in cars 3–8 (607 seats).</summary>
    public static readonly RailLine BeijingShanghaiHighSpeed = new(
        "京沪高铁",
        [
            ("VNP", 0), ("LJP", 60), ("TIP", 122), ("CBP", 210), ("DIP", 314), ("JGK", 406), ("TMK", 465), ("QAK", 535),
            ("TEK", 589), ("ZEK", 625), ("UUH", 688), ("SRH", 767), ("FWH", 844), ("CXH", 959), ("NKH", 1023),
            ("ZEH", 1087), ("RNH", 1112), ("ESH", 1153), ("WGH", 1210), ("OHH", 1237), ("KNH", 1268), ("AOH", 1318),
        ],
        KmPerMinute: 5.0,
        BrakingMinutes: 3,
        DwellMinutes: 2,
        [(1, 1, SeatClass.Business, 5, "ACF"), (2, 2, SeatClass.First, 13, "ACDF"), (3, 8, SeatClass.Second, 18, "ABCDF")]);

    /// <summary>CRH380A, 8 cars: first in car 1, second in cars 2–8.</summary>
    public static readonly RailLine ShanghaiNanjingIntercity = new(
        "沪宁城际",
        [("SHH", 0), ("KNH", 49), ("SZH", 84), ("WXH", 126), ("CZH", 165), ("ZJH", 237), ("NJH", 301)],
        KmPerMinute: 4.0,
        BrakingMinutes: 3,
        DwellMinutes: 2,
        [(1, 1, SeatClass.First, 12, "ACDF"), (2, 8, SeatClass.Second, 17, "ABCDF")]);

    /// <summary>Overnight sleeper formation: soft sleepers (4-berth compartments) in cars 8–9, hard sleepers (6-berth bays) in 10–15.</summary>
    public static readonly RailLine BeijingShanghaiConventional = new(
        "京沪线",
        [
            ("BJP", 0), ("TJP", 137), ("DZP", 366), ("JNK", 495), ("XCH", 814), ("BBH", 979), ("NJH", 1160),
            ("CZH", 1296), ("WXH", 1338), ("SZH", 1379), ("SHH", 1463),
        ],
        KmPerMinute: 1.8,
        BrakingMinutes: 5,
        DwellMinutes: 6,
        [(8, 9, SeatClass.SoftSleeper, 18, "下上"), (10, 15, SeatClass.HardSleeper, 22, "下中上")]);

    public static readonly IReadOnlyList<(RailLine Line, TrainPlan Plan)> Plans =
    [
        .. Line(BeijingShanghaiHighSpeed,
            P("G1", "07:00", "VNP JGK NKH AOH"),
            P("G5", "12:00", "VNP TIP JGK NKH AOH"),
            P("G7", "14:00", "VNP NKH AOH"),
            P("G101", "06:36", "VNP TIP DIP JGK TMK QAK UUH NKH ZEH ESH WGH OHH AOH"),
            P("G105", "07:17", "VNP CBP JGK TEK ZEK UUH SRH FWH NKH RNH ESH KNH AOH"),
            P("G111", "08:35", "VNP LJP TIP CBP DIP JGK TMK QAK TEK ZEK UUH FWH CXH NKH ZEH RNH ESH WGH OHH KNH AOH"),
            P("G115", "09:00", "VNP TIP JGK UUH FWH NKH WGH AOH"),
            P("G2", "07:00", "AOH NKH JGK VNP"),
            P("G4", "12:00", "AOH OHH NKH JGK TIP VNP"),
            P("G6", "15:00", "AOH NKH VNP"),
            P("G102", "06:26", "AOH KNH OHH WGH ESH NKH UUH JGK DIP TIP VNP"),
            P("G106", "07:24", "AOH WGH ESH ZEH NKH FWH UUH QAK TMK JGK CBP VNP")),
        .. Line(ShanghaiNanjingIntercity,
            P("D5451", "07:05", "SHH KNH SZH WXH CZH ZJH NJH"),
            P("D5453", "09:30", "SHH SZH WXH CZH NJH"),
            P("D5455", "17:45", "SHH KNH SZH WXH CZH ZJH NJH"),
            P("D5452", "08:10", "NJH ZJH CZH WXH SZH KNH SHH"),
            P("D5454", "18:20", "NJH CZH WXH SZH SHH")),
        .. Line(BeijingShanghaiConventional,
            P("T109", "20:05", "BJP TJP DZP JNK XCH BBH NJH CZH WXH SZH SHH"),
            P("T110", "19:34", "SHH SZH WXH CZH NJH BBH XCH JNK DZP TJP BJP")),
    ];

    public static IEnumerable<Train> Trains() => Plans.Select(p => p.Plan.Build(p.Line));

    public static bool IsSeeded(string trainNumber) => Plans.Any(p => p.Plan.Number == trainNumber);

    private static Station S(string code, string name, string pinyin) => new() { Code = code, Name = name, Pinyin = pinyin };

    private static TrainPlan P(string number, string departs, string calls) =>
        new(number, TimeOnly.Parse(departs, System.Globalization.CultureInfo.InvariantCulture), calls.Split(' '));

    private static IEnumerable<(RailLine, TrainPlan)> Line(RailLine line, params TrainPlan[] plans) => plans.Select(p => (line, p));
}
