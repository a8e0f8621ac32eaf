using System.Diagnostics.CodeAnalysis;

namespace Changxing.Membership.Accounts;

/// <summary>
/// A Chinese resident identity number (公民身份号码, GB 11643-1999): 6-digit address code, 8-digit birth date,
/// 3-digit sequence and an ISO 7064 MOD 11-2 check character (0-9 or X). Birth date and age come from it.
/// Never log it or put it in a message: use <see cref="Masked"/> for display and a keyed hash to identify a person.
/// </summary>
public sealed class ResidentIdNumber : IEquatable<ResidentIdNumber>
{
    public const int Length = 18;

    /// <summary>
    /// No one living was born before 1900 (the oldest people alive were born after 1905). The format allows earlier
    /// years (the standard's own example, 440524188001010014, is from 1880); a new member or beneficiary may not.
    /// </summary>
    public const int EarliestBirthYear = 1900;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The normalised number (upper-case X).</summary>
    public string Value { get; }

    public DateOnly BirthDate { get; }

    /// <summary>Whether the holder can be alive on <paramref name="today"/>: born no earlier than 1900 and not in the future.</summary>
    public bool IsOfLivingPersonOn(DateOnly today) => BirthDate.Year >= EarliestBirthYear && BirthDate <= today;

    /// <summary>For display: the first four and last four characters, e.g. <c>1101**********1234</c>.</summary>
    public string Masked => Mask(Value);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ResidentIdNumber? number)
    {
        number = null;
        if (text is null)
        {
            return false;
        }

        var value = text.Trim().ToUpperInvariant();
        if (value.Length != Length)
        {
            return false;
        }

        for (var i = 0; i < Length - 1; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        if (value[^1] != CheckCharacterFor(value.AsSpan(0, Length - 1)))
        {
            return false;
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", out var birth))
        {
            return false;
        }

        number = new ResidentIdNumber(value, birth);
        return true;
    }

    /// <summary>The MOD 11-2 check character for the first 17 digits.</summary>
    public static char CheckCharacterFor(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Completed years of age on <paramref name="date"/>.</summary>
    public int AgeOn(DateOnly date) => AgeOn(BirthDate, date);

    public static int AgeOn(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year;
        if (date < birthDate.AddYears(age))
        {
            age--;
        }

        return age;
    }

    public static string Mask(string value) =>
        value.Length == Length ? string.Concat(value.AsSpan(0, 4), new string('*', Length - 8), value.AsSpan(Length - 4)) : new string('*', value.Length);

    public bool Equals(ResidentIdNumber? other) => other is not null && other.Value == Value;

    public override bool Equals(object? obj) => Equals(obj as ResidentIdNumber);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    /// <summary>Masked on purpose: the number must not leak through logs or string interpolation.</summary>
    public override string ToString() => Masked;
}
