namespace Changxing.Membership;

/// <summary>Configuration section <c>Membership</c> (environment: <c>Membership__PassengerKeySecret</c> etc.).</summary>
public sealed class MembershipOptions
{
    public const string Section = "Membership";

    /// <summary>
    /// DEVELOPMENT DEFAULT ONLY: the HMAC key behind passenger keys and duplicate-person checks. Refused in
    /// Production, where <c>Membership__PassengerKeySecret</c> (at least 32 bytes) must be set. Changing it
    /// changes every stored person key, so pick it once per deployment.
    /// </summary>
    public const string DevelopmentPassengerKeySecret = "changxing-development-passenger-key-not-for-production";

    public string? PassengerKeySecret { get; set; }

    /// <summary>DEVELOPMENT DEFAULT ONLY: the consumption password key used when none is configured; refused in Production.</summary>
    public const string DevelopmentConsumptionPasswordKey = "changxing-development-consumption-password-key-not-for-production";

    public const string DevelopmentConsumptionPasswordKeyId = "dev";

    /// <summary>
    /// HMAC keys of consumption password hashes by key id (<c>Membership__ConsumptionPasswordKeys__2026a=...</c>, each at
    /// least 32 bytes). Required in Production. Keep a retired key here until no hash uses it: a correct entry re-hashes
    /// under the current key.
    /// </summary>
    public Dictionary<string, string> ConsumptionPasswordKeys { get; set; } = [];

    /// <summary>The key new consumption password hashes use; may be left out when only one key is configured.</summary>
    public string? ConsumptionPasswordKeyId { get; set; }

    /// <summary>Where uploaded ID images and face videos are kept; defaults to <c>{Database:DataDirectory}/membership-uploads</c>.</summary>
    public string? UploadDirectory { get; set; }

    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    public long MaxVideoBytes { get; set; } = 30 * 1024 * 1024;

    /// <summary>How often the beneficiary and activation sweeps run; the 60-day rule is a date, so hourly is ample.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Staff accounts created at start-up when missing (<c>Membership:Staff:0:UserName</c> ...); see README.</summary>
    public List<Staff.StaffSeed> Staff { get; set; } = [];
}
