namespace Changxing.Ticketing.Redemptions;

/// <summary>A redemption as its owner (or an operator) reads it: where it stands, why, and its story.</summary>
public sealed record RedemptionView(
    Guid Id,
    Guid MemberId,
    string State,
    bool Finished,
    string? Reason,
    string? ReasonDetail,
    bool IsPaymentFailure,
    RedemptionPrice Price,
    RedemptionJourney Journey,
    RedemptionPassenger Passenger,
    string? TicketNumber,
    string? Car,
    string? Seat,
    string? CurrentStep,
    DateTimeOffset? StepDueAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TimelineEntry>? Timeline)
{
    public static RedemptionView Of(RedemptionState s, bool withTimeline) => new(
        s.CorrelationId,
        s.MemberId,
        s.CurrentState,
        RedemptionStateMachine.IsFinal(s.CurrentState),
        s.FailureReason,
        s.FailureDetail,
        s.IsPaymentFailure,
        new RedemptionPrice(s.Fare, s.Points),
        new RedemptionJourney(s.TrainNumber, s.TravelDate, s.FromStation, s.ToStation, s.SeatClass, s.DepartsAt),
        new RedemptionPassenger(s.BeneficiaryId, s.PassengerName, s.PassengerIdMasked),
        s.TicketNumber,
        s.Car,
        s.Seat,
        s.DeadlineStep,
        s.DeadlineAt,
        s.CreatedAt,
        s.UpdatedAt,
        withTimeline ? RedemptionTimeline.Read(s) : null);
}

/// <summary>100 points pay 1 yuan of face price.</summary>
public sealed record RedemptionPrice(decimal Fare, long Points);

public sealed record RedemptionJourney(string TrainNumber, DateOnly TravelDate, string FromStation, string ToStation, string SeatClass, DateTimeOffset? DepartsAt);

/// <summary><see cref="BeneficiaryId"/> is null when the member travels; the name is known once authorised.</summary>
public sealed record RedemptionPassenger(Guid? BeneficiaryId, string? Name, string? IdMasked);

public sealed record RedemptionPage(IReadOnlyList<RedemptionView> Items, int Page, int PageSize, int Total);

public sealed record StrikeCounterView(Guid MemberId, int ConsecutiveFailures, int StrikesBeforeSupportTicket, bool SupportTicketOpen, string? OpenTicketNumber, int TicketsOpened, IReadOnlyList<Contracts.Membership.PaymentFailure> RecentFailures);
