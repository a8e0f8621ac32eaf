namespace Changxing.SystemHarness.Scenarios;

/// <summary>Valid 18-character resident ID numbers (GB 11643, ISO 7064 MOD 11-2 check digit) for test people.</summary>
public static class ResidentIdNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static string New(DateOnly birthDate)
    {
        var body = $"110101{birthDate:yyyyMMdd}{Random.Shared.Next(0, 1000):000}";
        var sum = body.Select((c, i) => (c - '0') * Weights[i]).Sum();
        return body + CheckCharacters[sum % 11];
    }
}
