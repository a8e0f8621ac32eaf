using Changxing.Contracts;

namespace Changxing.Ticketing.Redemptions;

/// <summary>
/// Which failures are failed payments (they count towards the three strikes that open a support ticket) and which
/// are not (sold out, not "兑", a beneficiary not yet effective: the member did nothing wrong with the payment).
/// </summary>
public static class PaymentFailurePolicy
{
    private static readonly HashSet<string> PaymentReasons =
    [
        ReasonCodes.WrongConsumptionPassword,
        ReasonCodes.ConsumptionPasswordLocked,
        ReasonCodes.MemberNotActive,
        ReasonCodes.AuthorisationInvalid,
        ReasonCodes.AuthorisationUsed,
        ReasonCodes.AuthorisationExpired,
        ReasonCodes.BelowRedemptionThreshold,
        ReasonCodes.InsufficientAvailablePoints,
        ReasonCodes.CaptureRefused,
    ];

    public static bool IsPaymentFailure(string reason) => PaymentReasons.Contains(reason);
}
