using System.Security.Cryptography;

namespace Changxing.Ticketing.Tickets;

/// <summary>E-ticket numbers: "E" and 15 random digits (no collision in practice; the primary key refuses one anyway).</summary>
public static class TicketNumbers
{
    public const int Length = 16;

    public static string Next()
    {
        Span<char> digits = stackalloc char[Length];
        digits[0] = 'E';
        for (var i = 1; i < Length; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }

        return new string(digits);
    }
}
