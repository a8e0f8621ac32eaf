using Changxing.Membership.Accounts;

namespace Changxing.Membership.Tests.Support;

/// <summary>Well-formed resident ID numbers (with their GB 11643 check character) and phone numbers for tests.</summary>
public static class TestPeople
{
    private static int _sequence = Random.Shared.Next(100, 900);

    public static string IdNumber(DateOnly birthDate, string region = "110101")
    {
        var sequence = Interlocked.Increment(ref _sequence) % 1000;
        var first17 = $"{region}{birthDate:yyyyMMdd}{sequence:000}";
        return first17 + ResidentIdNumber.CheckCharacterFor(first17);
    }

    public static string IdNumber() => IdNumber(new DateOnly(1990, 5, 17));

    public static string Phone() => "139" + Random.Shared.Next(0, 100_000_000).ToString("00000000");
}
