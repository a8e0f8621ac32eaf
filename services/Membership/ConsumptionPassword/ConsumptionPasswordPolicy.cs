namespace Changxing.Membership.ConsumptionPassword;

/// <summary>
/// The consumption password (消费密码): six digits, not trivially guessable, and five consecutive wrong entries
/// lock it for 30 minutes (DESIGN.md section 1).
/// </summary>
public static class ConsumptionPasswordPolicy
{
    public const int Digits = 6;
    public const int MaxConsecutiveFailures = 5;
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(30);

    /// <summary>Null when acceptable, otherwise why not (English; shown with the Chinese in the problem detail).</summary>
    public static string? Refusal(string? candidate, DateOnly birthDate, string idNumber)
    {
        if (candidate is null || candidate.Length != Digits || !candidate.All(char.IsAsciiDigit))
        {
            return "The consumption password must be exactly 6 digits (消费密码须为6位数字).";
        }

        if (IsTrivial(candidate) || candidate == birthDate.ToString("yyMMdd") || idNumber.EndsWith(candidate, StringComparison.Ordinal))
        {
            return "The consumption password is too easy to guess (消费密码过于简单).";
        }

        return null;
    }

    /// <summary>One repeated digit (000000), a run up or down (123456, 987654), or a repeated pair or triple (121212, 123123).</summary>
    public static bool IsTrivial(string digits)
    {
        var steps = Enumerable.Range(1, digits.Length - 1).Select(i => digits[i] - digits[i - 1]).ToArray();
        if (steps.All(s => s == 0) || steps.All(s => s == 1) || steps.All(s => s == -1))
        {
            return true;
        }

        return IsRepeated(digits, 2) || IsRepeated(digits, 3);
    }

    private static bool IsRepeated(string digits, int period) =>
        Enumerable.Range(period, digits.Length - period).All(i => digits[i] == digits[i - period]);
}
