namespace Changxing.Membership.Uploads;

/// <summary>Whole-request ceilings for the upload endpoints; the per-file limits are configured (<see cref="MembershipOptions"/>).</summary>
public static class UploadLimits
{
    /// <summary>One face video plus form overhead.</summary>
    public const long FaceRequestBytes = 64L * 1024 * 1024;

    /// <summary>Two ID images, one face video and form overhead.</summary>
    public const long BeneficiaryRequestBytes = 80L * 1024 * 1024;
}
