using System.Security.Cryptography;
using System.Text;

namespace Changxing.Membership.PaymentAuthorisations;

/// <summary>
/// A one-time payment authorisation, granted for the right consumption password: valid 5 minutes, used once.
/// Only the SHA-256 of the code is stored (the code is a bearer secret; 256 random bits need no slow hash).
/// </summary>
public sealed class PaymentAuthorisation
{
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(5);

    private PaymentAuthorisation()
    {
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    public string CodeHash { get; private set; } = "";

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public Guid? UsedByRedemptionId { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>Issues a new authorisation and returns it with its code, which is shown to the member once.</summary>
    public static (PaymentAuthorisation Authorisation, string Code) Issue(Guid memberId, DateTimeOffset now)
    {
        var code = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var authorisation = new PaymentAuthorisation
        {
            Id = Guid.CreateVersion7(now),
            MemberId = memberId,
            CodeHash = HashOf(code),
            IssuedAt = now,
            ExpiresAt = now + Validity,
        };
        return (authorisation, code);
    }

    public static string HashOf(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>
    /// Marks the authorisation used by <paramref name="redemptionId"/>. Saved with the decision it led to; of two
    /// redemptions racing with the same code, the second save fails on the concurrency token (<see cref="UsedByRedemptionId"/>).
    /// </summary>
    public void Spend(Guid redemptionId, DateTimeOffset now)
    {
        UsedByRedemptionId = redemptionId;
        UsedAt = now;
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
