using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Changxing.Membership.Accounts;

/// <summary>
/// A keyed hash (HMAC-SHA256) of a resident ID number: identifies a person across services (the passenger key in
/// <c>RedemptionAuthorised</c>) and finds duplicates in our tables without ever sending or comparing the number itself.
/// </summary>
public sealed class PersonKeyHasher
{
    private readonly byte[] _key;

    public PersonKeyHasher(IOptions<MembershipOptions> options, IHostEnvironment environment)
    {
        var secret = options.Value.PassengerKeySecret;
        if (string.IsNullOrWhiteSpace(secret))
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException("Membership:PassengerKeySecret must be set in Production (Membership__PassengerKeySecret, at least 32 bytes).");
            }

            secret = MembershipOptions.DevelopmentPassengerKeySecret;
        }
        else if (environment.IsProduction() && secret == MembershipOptions.DevelopmentPassengerKeySecret)
        {
            throw new InvalidOperationException("The development passenger key secret is refused in Production.");
        }

        _key = Encoding.UTF8.GetBytes(secret);
        if (_key.Length < 32)
        {
            throw new InvalidOperationException("Membership:PassengerKeySecret must be at least 32 bytes.");
        }
    }

    public string KeyOf(ResidentIdNumber number) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(number.Value)));
}
