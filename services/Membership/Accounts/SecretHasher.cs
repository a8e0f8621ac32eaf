using Microsoft.AspNetCore.Identity;

namespace Changxing.Membership.Accounts;

/// <summary>
/// Salted slow hashes for login passwords (members and staff), through ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2 with HMAC-SHA512, 100,000 iterations, 128-bit salt, version marker).
/// Login passwords are long-lived secrets people reuse elsewhere, and signing in is not on the payment path, so
/// they keep the slow hash; the six-digit consumption password uses a keyed hash instead
/// (<see cref="ConsumptionPassword.ConsumptionPasswordHasher"/>).
/// </summary>
public sealed class SecretHasher
{
    private static readonly object Owner = new();
    private readonly PasswordHasher<object> _hasher = new();

    public string Hash(string secret) => _hasher.HashPassword(Owner, secret);

    /// <summary>
    /// Verifies against <paramref name="hash"/>, or, for an unknown account (null), against a throw-away hash so the
    /// answer takes as long and does not tell which accounts exist.
    /// </summary>
    public bool VerifyKnown(string? hash, string secret)
    {
        var matched = Verify(hash ?? UnknownAccount.Hash, secret);
        return hash is not null && matched;
    }

    public bool Verify(string hash, string secret) =>
        _hasher.VerifyHashedPassword(Owner, hash, secret) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;

    private static class UnknownAccount
    {
        public static readonly string Hash = new PasswordHasher<object>().HashPassword(Owner, Guid.NewGuid().ToString());
    }
}
