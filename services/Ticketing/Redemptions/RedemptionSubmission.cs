using System.Security.Cryptography;
using System.Text;
using Changxing.Ticketing.Search;

namespace Changxing.Ticketing.Redemptions;

/// <summary>The body of <c>POST /api/redemptions</c>. <see cref="BeneficiaryId"/> null means the member travels.</summary>
public sealed record RedemptionInput(
    Guid? BeneficiaryId,
    string? TrainNumber,
    string? TravelDate,
    string? FromStation,
    string? ToStation,
    string? SeatClass,
    string? AuthorisationCode,
    string? Trip);

/// <summary>Idempotency of submissions: the key names the redemption, the body's hash tells a retry from a reuse.</summary>
public static class RedemptionSubmission
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = 100;

    /// <summary>Membership's codes are 43 characters (256 bits, base64url); anything much longer is not one of them.</summary>
    public const int MaxAuthorisationCodeLength = 128;

    public static bool IsValidKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= MaxIdempotencyKeyLength && key.All(c => c is > ' ' and < '\u007f');

    /// <summary>
    /// The redemption id is derived from the member and their key, so two concurrent submissions with one key
    /// name the same redemption and only one can be created.
    /// </summary>
    public static Guid RedemptionId(Guid memberId, string idempotencyKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"redemption:{memberId:N}:{idempotencyKey}"), hash);
        var bytes = hash[..16].ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // RFC 9562 version 8 (name-based, custom hash)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    /// <summary>A stable digest of what was asked, read as the submission reads it (<see cref="RequestText"/>).</summary>
    public static string RequestHash(RedemptionInput input)
    {
        var canonical = string.Join('\n',
            input.BeneficiaryId?.ToString("N") ?? "self",
            RequestText.Code(input.TrainNumber),
            RequestText.Text(input.TravelDate),
            RequestText.Code(input.FromStation),
            RequestText.Code(input.ToStation),
            RequestText.Text(input.SeatClass),
            RequestText.Text(input.AuthorisationCode),
            RequestText.Code(input.Trip ?? nameof(TripType.OneWay)));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
