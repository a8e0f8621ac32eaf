namespace Changxing.Contracts;

/// <summary>
/// The reason codes a client or a saga can act on. They travel in messages and in the
/// <c>reason</c> member of problem details; the names are the contract, so never rename one.
/// </summary>
public static class ReasonCodes
{
    // Input and reference data
    public const string InvalidRequest = nameof(InvalidRequest);
    public const string UnknownStation = nameof(UnknownStation);
    public const string UnknownTrain = nameof(UnknownTrain);
    public const string NotFound = nameof(NotFound);
    public const string Conflict = nameof(Conflict);
    public const string RateLimited = nameof(RateLimited);
    public const string Unauthenticated = nameof(Unauthenticated);
    public const string Forbidden = nameof(Forbidden);
    public const string DownstreamUnavailable = nameof(DownstreamUnavailable);
    public const string DownstreamTimedOut = nameof(DownstreamTimedOut);

    // Membership
    public const string MemberNotActive = nameof(MemberNotActive);
    public const string WrongConsumptionPassword = nameof(WrongConsumptionPassword);
    public const string ConsumptionPasswordLocked = nameof(ConsumptionPasswordLocked);
    public const string ConsumptionPasswordNotSet = nameof(ConsumptionPasswordNotSet);
    public const string AuthorisationInvalid = nameof(AuthorisationInvalid);
    public const string AuthorisationUsed = nameof(AuthorisationUsed);
    public const string AuthorisationExpired = nameof(AuthorisationExpired);
    public const string BeneficiaryUnknown = nameof(BeneficiaryUnknown);
    public const string BeneficiaryNotVerified = nameof(BeneficiaryNotVerified);
    public const string BeneficiaryNotYetEffective = nameof(BeneficiaryNotYetEffective);
    public const string BeneficiaryLimitReached = nameof(BeneficiaryLimitReached);

    // Points
    public const string BelowRedemptionThreshold = nameof(BelowRedemptionThreshold);
    public const string InsufficientAvailablePoints = nameof(InsufficientAvailablePoints);
    public const string HoldNotFound = nameof(HoldNotFound);
    public const string HoldAlreadyReleased = nameof(HoldAlreadyReleased);
    public const string BackRegistrationTooLate = nameof(BackRegistrationTooLate);
    public const string AlreadyCredited = nameof(AlreadyCredited);

    // Back-registration, judged on Ticketing's facts of the ticket
    public const string TicketUnknown = nameof(TicketUnknown);
    public const string TicketOfAnotherMember = nameof(TicketOfAnotherMember);
    public const string TicketPaidWithPoints = nameof(TicketPaidWithPoints);
    public const string TicketVoided = nameof(TicketVoided);

    // Ticketing
    public const string NotRedeemable = nameof(NotRedeemable);
    public const string RoundTripNotAllowed = nameof(RoundTripNotAllowed);
    public const string QuotaExhausted = nameof(QuotaExhausted);
    public const string SoldOut = nameof(SoldOut);
    public const string PassengerAlreadyHasTicket = nameof(PassengerAlreadyHasTicket);
    public const string HoldExpired = nameof(HoldExpired);
    public const string TripNotYetDeparted = nameof(TripNotYetDeparted);

    // Redemption saga
    public const string CaptureRefused = nameof(CaptureRefused);
    public const string StepTimedOut = nameof(StepTimedOut);
    public const string SystemError = nameof(SystemError);
}
