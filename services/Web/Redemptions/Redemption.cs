namespace Changxing.Web.Redemptions;

/// <summary>A redemption as Ticketing answers it (<c>GET /api/redemptions/{id}</c>): its state, why, and its timeline.</summary>
public sealed record Redemption(
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
    public bool Completed => State == "Completed";

    public bool Failed => State == "Failed";

    public TimelineEntry? Event(string name) => Timeline?.FirstOrDefault(t => t.Event == name);
}

public sealed record RedemptionPrice(decimal Fare, long Points);

public sealed record RedemptionJourney(string TrainNumber, DateOnly TravelDate, string FromStation, string ToStation, string SeatClass, DateTimeOffset? DepartsAt);

public sealed record RedemptionPassenger(Guid? BeneficiaryId, string? Name, string? IdMasked);

public sealed record TimelineEntry(DateTimeOffset At, string State, string Event, string? Detail);

public sealed record RedemptionList(IReadOnlyList<Redemption> Items, int Page, int PageSize, int Total);
