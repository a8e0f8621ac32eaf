using System.Security.Cryptography;
using System.Text;
using Changxing.Membership.Accounts;
using Microsoft.Extensions.Options;

namespace Changxing.Membership.ConsumptionPassword;

/// <summary>
/// Hashes the six-digit consumption password with a keyed hash, <c>HMAC-SHA256(key, salt ‖ password)</c>, under a
/// secret from configuration that the database does not hold. Why not a slow hash like the login password: a million
/// possible values cannot be protected by any work factor the server can afford at payment time (with the database,
/// a GPU tries them all in minutes), while the slow hash cost about 85 ms of CPU per payment. What protects a PIN is
/// the online lock-out (five wrong entries lock it for 30 minutes) plus a key an attacker with the database lacks.
/// <para>
/// Stored form: <c>hmac1$&lt;key id&gt;$&lt;salt&gt;$&lt;mac&gt;</c> (base64), so keys can be rotated: new hashes use
/// <see cref="MembershipOptions.ConsumptionPasswordKeyId"/>, and a hash under any configured key still verifies and is
/// re-hashed under the current key on the next correct entry. Older hashes in ASP.NET Core Identity's PBKDF2 form
/// (before this scheme) verify through <see cref="SecretHasher"/> and are re-hashed the same way.
/// </para>
/// </summary>
public sealed class ConsumptionPasswordHasher
{
    private const string Scheme = "hmac1";
    private const int SaltBytes = 16;
    private const int MinimumKeyBytes = 32;

    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _currentKeyId;
    private readonly SecretHasher _legacy;

    public ConsumptionPasswordHasher(IOptions<MembershipOptions> options, IHostEnvironment environment, SecretHasher legacy)
    {
        _legacy = legacy;
        var configured = options.Value.ConsumptionPasswordKeys;
        if (configured.Count == 0)
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException(
                    "Membership:ConsumptionPasswordKeys must be set in Production (Membership__ConsumptionPasswordKeys__<key id>, a secret of at least 32 bytes, " +
                    "and Membership__ConsumptionPasswordKeyId naming the current one).");
            }

            configured = new Dictionary<string, string> { [MembershipOptions.DevelopmentConsumptionPasswordKeyId] = MembershipOptions.DevelopmentConsumptionPasswordKey };
        }

        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, secret) in configured)
        {
            if (id.Length is 0 or > 32 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new InvalidOperationException($"Membership:ConsumptionPasswordKeys: the key id '{id}' must be 1 to 32 letters, digits, '-' or '_'.");
            }

            if (environment.IsProduction() && secret == MembershipOptions.DevelopmentConsumptionPasswordKey)
            {
                throw new InvalidOperationException("The development consumption password key is refused in Production (Membership:ConsumptionPasswordKeys).");
            }

            keys[id] = Encoding.UTF8.GetBytes(secret ?? "");
            if (keys[id].Length < MinimumKeyBytes)
            {
                throw new InvalidOperationException($"Membership:ConsumptionPasswordKeys:{id} must be at least {MinimumKeyBytes} bytes.");
            }
        }

        _currentKeyId = options.Value.ConsumptionPasswordKeyId
            ?? (keys.Count == 1 ? keys.Keys.Single() : throw new InvalidOperationException(
                "Membership:ConsumptionPasswordKeyId must name the current key when several consumption password keys are configured."));
        if (!keys.ContainsKey(_currentKeyId))
        {
            throw new InvalidOperationException($"Membership:ConsumptionPasswordKeyId '{_currentKeyId}' is not among Membership:ConsumptionPasswordKeys.");
        }

        _keys = keys;
    }

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return $"{Scheme}${_currentKeyId}${Convert.ToBase64String(salt)}${Convert.ToBase64String(Mac(_keys[_currentKeyId], salt, password))}";
    }

    public ConsumptionPasswordCheck Verify(string hash, string password)
    {
        var parts = hash.Split('$');
        if (parts is not [Scheme, var keyId, var salt, var mac])
        {
            return _legacy.Verify(hash, password) ? ConsumptionPasswordCheck.RehashNeeded : ConsumptionPasswordCheck.Wrong;
        }

        if (!_keys.TryGetValue(keyId, out var key))
        {
            // Counting this as a wrong entry would lock members out for the operator's mistake.
            throw new InvalidOperationException($"A consumption password is hashed under key '{keyId}', which is no longer in Membership:ConsumptionPasswordKeys.");
        }

        var matched = CryptographicOperations.FixedTimeEquals(Mac(key, Convert.FromBase64String(salt), password), Convert.FromBase64String(mac));
        return !matched ? ConsumptionPasswordCheck.Wrong
            : keyId == _currentKeyId ? ConsumptionPasswordCheck.Right
            : ConsumptionPasswordCheck.RehashNeeded;
    }

    private static byte[] Mac(byte[] key, byte[] salt, string password)
    {
        var message = new byte[salt.Length + Encoding.UTF8.GetByteCount(password)];
        salt.CopyTo(message, 0);
        Encoding.UTF8.GetBytes(password, message.AsSpan(salt.Length));
        return HMACSHA256.HashData(key, message);
    }
}
