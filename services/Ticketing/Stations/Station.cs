namespace Changxing.Ticketing.Stations;

/// <summary>A station, keyed by its 12306 telegraph code (电报码, e.g. VNP for 北京南 Beijing South).</summary>
public sealed class Station
{
    public const int CodeLength = 3;
    public const int MaxNameLength = 32;
    public const int MaxPinyinLength = 64;

    public required string Code { get; init; }

    /// <summary>The Chinese name, e.g. 北京南.</summary>
    public required string Name { get; set; }

    /// <summary>Hanyu pinyin without tones, e.g. "Beijing Nan".</summary>
    public required string Pinyin { get; set; }

    public static bool IsWellFormedCode(string? code) =>
        code is { Length: CodeLength } && code.All(c => c is >= 'A' and <= 'Z');

    /// <summary>A name or pinyin as a timetable prints it: some text, within <paramref name="maxLength"/> once trimmed, and no control characters (PostgreSQL refuses NUL in text).</summary>
    public static bool IsWellFormedText(string? text, int maxLength) =>
        !string.IsNullOrWhiteSpace(text) && text.Trim().Length <= maxLength && !text.Any(char.IsControl);
}
