using System.Text.RegularExpressions;

namespace Changxing.Membership.Accounts;

/// <summary>What registration accepts: a mainland mobile number, a name, and a login password that is not trivial.</summary>
public static partial class AccountRules
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 64;
    public const int MaxNameLength = 50;

    public static bool IsMobilePhone(string? phone) => phone is not null && MobilePhone().IsMatch(phone);

    /// <summary>
    /// 2 to 50 characters of a person's name as an ID card prints it: letters (汉字, Latin, minority scripts) with their
    /// combining marks, spaces and the separators names use (· middle dot, period, hyphen, apostrophe). No control or
    /// invisible format characters (NUL, newline, zero-width, direction overrides), digits or markup.
    /// </summary>
    public static bool IsName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Trim().Length is >= 2 and <= MaxNameLength && name.Trim().All(IsNameCharacter);

    private static bool IsNameCharacter(char c) =>
        char.IsLetter(c) || c is ' ' or '·' or '.' or '-' or '\''
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    /// <summary>8 to 64 characters with at least one letter and one digit.</summary>
    public static bool IsAcceptablePassword(string? password) =>
        password is { Length: >= MinPasswordLength and <= MaxPasswordLength }
        && password.Any(char.IsLetter)
        && password.Any(char.IsDigit);

    public static string MaskPhone(string phone) => phone.Length == 11 ? string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(7)) : "***";

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePhone();
}
