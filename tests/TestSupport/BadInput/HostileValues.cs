namespace Changxing.TestSupport.BadInput;

/// <summary>
/// What a hostile or careless client sends. Strings carry <see cref="Marker"/>, which the runner replaces with a
/// marker naming the case (<c>fuzz123x</c>), so a stored value can be traced back to the request that put it there.
/// Letters and digits only: it survives URL escaping and upper-casing.
/// </summary>
public static class HostileValues
{
    public const string Marker = "fuzzcase";

    public const int HugeLength = 100_000;

    public static readonly string[] Strings =
    [
        "",
        " ",
        "\t\r\n",
        Marker,
        // SQL and script injection
        Marker + "' OR '1'='1",
        Marker + "'; DROP TABLE \"Members\"; --",
        Marker + "\" OR 1=1 --",
        Marker + "'; SELECT pg_sleep(20); --",
        Marker + "'||(SELECT sqlite_version())||'",
        "<script>alert('" + Marker + "')</script>",
        "\"><img src=x onerror=alert(1)>" + Marker,
        "javascript:alert(1)//" + Marker,
        "{{7*7}}${7*7}" + Marker,
        "${jndi:ldap://example.invalid/" + Marker + "}",
        "../../../../etc/passwd" + Marker,
        Marker + "\r\nX-Injected: 1",
        // Unicode edge cases
        Marker + "\0nul",
        "\u202Eevil" + Marker,
        Marker + "\u200B\u200D\uFEFF",
        "e\u0301\u0301\u0301\u0301" + Marker,
        "👨‍👩‍👧‍👦" + Marker,
        "张伟" + Marker,
        "𠀀𪚥" + Marker,
        "\ud800" + Marker,
        Marker + "\udc00",
        "\uFFFF\uFFFE" + Marker,
        "Ａｄｍｉｎ" + Marker,
        // Look-alikes NFKC folds (full-width, ligatures, superscripts) or keeps apart (Cyrillic, Greek)
        "Ｅ２９１５３６５１１",
        "\u0415291536511",
        "ﬁ²Ⅻ" + Marker,
        "\u0410\u0412\u0421" + Marker,
        // Control characters (C0, C1, escape sequences, line and paragraph separators)
        "E1\u0000\u0007",
        Marker + "\u0007\u0008\u001B[31m",
        Marker + "\u0085\u2028\u2029",
        // Over-long, just past the usual limits and far past them
        Marker + new string('a', 65),
        Marker + new string('a', 129),
        Marker + new string('中', 201),
        Marker + new string('A', 60_000),
        // Huge
        Marker + new string('A', HugeLength),
        Marker + string.Concat(Enumerable.Repeat("测", HugeLength / 2)),
        // Numbers, dates and identifiers written as strings
        "NaN",
        "Infinity",
        "-0",
        "1e400",
        "0x1F",
        "٣",
        "0001-01-01",
        "9999-12-31",
        "2026-02-30",
        "2026-13-01",
        "2026-03-05T25:00:00Z",
        "-2026-01-01",
        "00000000-0000-0000-0000-000000000000",
        "not-a-guid" + Marker,
    ];

    /// <summary>
    /// Raw JSON tokens where a number is expected: negative, overflowing (2^31, 2^53 where doubles lose integers, 2^63,
    /// 2^64), implausibly large amounts (1e17 yuan), fractional, or not a number at all.
    /// </summary>
    public static readonly string[] Numbers =
    [
        "0", "-1", "-2147483649", "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "99999999999999999999999999999999", "1e400", "-1e400", "1.5", "0.0000001", "1E+2", "-0",
        "2147483647", "-2147483648", "9007199254740992", "9007199254740993", "-9007199254740993", "1e9", "1e17", "-1e17",
        "1.8e18", "2e18", "1e20", "18446744073709551616", "0.005", "20000.01",
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"12abc\"", "\"\"", "\"1e400\"", "true", "null", "[]", "{}",
    ];

    public static readonly string[] Booleans = ["true", "false", "\"true\"", "\"yes\"", "1", "0", "null", "[]"];

    /// <summary>Dates out of range or impossible, in JSON.</summary>
    public static readonly string[] Dates =
    [
        "\"0001-01-01\"", "\"9999-12-31\"", "\"2026-02-30\"", "\"2026-13-01\"", "\"26-03-05\"", "\"20260305\"", "\"\"",
        "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.9999999+14:00\"", "\"2026-03-05T10:00:00+25:00\"", "0", "-62135596801",
    ];

    /// <summary>Enum spellings no enum has.</summary>
    public static readonly string[] EnumNames = ["NotAValue" + Marker, "", "0", "99", "-1", " Second ", "second,first", "null"];

    /// <summary>Bodies that are not JSON, or broken JSON.</summary>
    public static readonly string[] MalformedJson =
    [
        "{", "}", "[", "{\"a\":}", "{\"a\":1,}", "{'a':1}", "{a:1}", "NaN", "\u0000", "{\"a\":\"\\uZZZZ\"}", "\"unterminated",
        "{\"a\":1}{\"b\":2}", "{\"a\":1} trailing", "<xml>" + Marker + "</xml>", "a=1&b=" + Marker,
        new string('[', 5_000), string.Concat(Enumerable.Repeat("{\"x\":", 1_000)),
    ];

    /// <summary>JSON of the wrong shape where an object is expected.</summary>
    public static readonly string[] WrongJsonTypes = ["[]", "[{}]", "0", "-1", "\"" + Marker + "\"", "true", "null", "1e400"];

    /// <summary>Media types no JSON endpoint accepts, or ones that lie about the charset.</summary>
    public static readonly string?[] WrongContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz",
        "application/octet-stream", "application/json; charset=utf-16", "application/json; charset=klingon", "*/*", null,
    ];

    /// <summary>Path and query values, already percent-encoded where raw bytes matter (invalid UTF-8, NUL, traversal).</summary>
    public static readonly string[] RawUrlValues =
    [
        "%00", "%FF%FE", "%ED%A0%80", "..%2F..%2Fetc%2Fpasswd", "%252e%252e", "%0D%0AX-Injected:%201", "%E2%80%AE", "-1",
        "99999999999999999999", "0", "0001-01-01", "9999-12-31", "2026-02-30", "00000000-0000-0000-0000-000000000000",
        "NaN", "true", "%20", "%F0%9F%98%80", Marker + new string('A', 4_000),
        "%EF%BC%A5291536511", "e291536511", "E1%00%07", "%07" + Marker, "2147483648", "9007199254740993",
    ];

    /// <summary>Header values (ASCII only: HttpClient refuses others before they leave).</summary>
    public static readonly string[] HeaderValues =
    [
        "", " ", "x", "'; DROP TABLE \"Redemptions\"; --", new string('k', 8_000), "00000000-0000-0000-0000-000000000000", "%00",
    ];
}
