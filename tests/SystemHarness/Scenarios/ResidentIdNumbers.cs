using System.Collections.Concurrent;

namespace Changxing.SystemHarness.Scenarios;

/// <summary>Valid 18-character resident ID numbers (GB 11643, ISO 7064 MOD 11-2 check digit) for test people.</summary>
public static class ResidentIdNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private static readonly ConcurrentDictionary<DateOnly, int> LastSequence = new();

    /// <summary>
    /// A valid ID number for <paramref name="birthDate"/>, unique in this process for up to 1,000 people per birth date
    /// (the number's three-digit sequence): a random start, then the next. Random sequences alone collided when a test
    /// run signed dozens of people up on one date, and Membership refused the second as already registered.
    /// </summary>
    public static string New(DateOnly birthDate)
    {
        var sequence = LastSequence.AddOrUpdate(birthDate, _ => Random.Shared.Next(0, 1000), (_, last) => (last + 1) % 1000);
        var body = $"110101{birthDate:yyyyMMdd}{sequence:000}";
        var sum = body.Select((c, i) => (c - '0') * Weights[i]).Sum();
        return body + CheckCharacters[sum % 11];
    }
}
