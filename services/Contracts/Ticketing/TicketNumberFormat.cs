using System.Text;
using System.Text.RegularExpressions;

namespace Changxing.Contracts.Ticketing;

/// <summary>
/// The one form of an e-ticket number (电子客票号) in messages and at every API: a capital Latin letter and 9 to 15
/// digits (12306 prints E291536511; Ticketing issues "E" and 15 digits). What an operator types is normalised first:
/// trimmed, NFKC (full-width "Ｅ２９…" becomes "E29…"), upper-cased, so each ticket has exactly one spelling and
/// "e291536511" is the same ticket as "E291536511". Anything else, control characters included, is no ticket number.
/// </summary>
public static partial class TicketNumberFormat
{
    public const string Pattern = @"^[A-Z][0-9]{9,15}\z";

    /// <summary>The normal form of <paramref name="typed"/>, or null when it is not a ticket number.</summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null || typed.Length > 64)
        {
            return null;
        }

        string normal;
        try
        {
            normal = typed.Trim().Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        }
        catch (ArgumentException)
        {
            return null; // a lone surrogate cannot be normalised: not a ticket number either
        }

        return WellFormed().IsMatch(normal) ? normal : null;
    }

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();
}
