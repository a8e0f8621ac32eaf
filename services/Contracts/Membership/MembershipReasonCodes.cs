namespace Changxing.Contracts.Membership;

/// <summary>
/// Reason codes that only Membership's HTTP answers carry (the shared ones are in <see cref="ReasonCodes"/>).
/// Like those, the names are the contract: never rename one.
/// </summary>
public static class MembershipReasonCodes
{
    public const string InvalidCredentials = nameof(InvalidCredentials);
    public const string InvalidResidentIdNumber = nameof(InvalidResidentIdNumber);
    public const string RealNameMismatch = nameof(RealNameMismatch);
    public const string RealNameNotVerified = nameof(RealNameNotVerified);
    public const string FaceNotMatched = nameof(FaceNotMatched);
    public const string UploadRejected = nameof(UploadRejected);
    public const string TrivialConsumptionPassword = nameof(TrivialConsumptionPassword);
    public const string ConsumptionPasswordAlreadySet = nameof(ConsumptionPasswordAlreadySet);
    public const string BeneficiaryAlreadyAdded = nameof(BeneficiaryAlreadyAdded);
    public const string NotPending = nameof(NotPending);
    public const string ConcurrentAttempt = nameof(ConcurrentAttempt);
}
