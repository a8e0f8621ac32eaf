namespace Changxing.SystemHarness.Scenarios;

/// <summary>
/// The rows the invariants look at, read from Ticketing's, Points' and Membership's own databases once the system has settled.
/// Small on purpose: a load run of a few thousand redemptions fits in memory, and the checks run in C# the same way
/// on both providers.
/// </summary>
public sealed record SystemSnapshot(
    IReadOnlyList<SystemSnapshot.Redemption> Redemptions,
    IReadOnlyList<SystemSnapshot.SeatHold> SeatHolds,
    IReadOnlyList<SystemSnapshot.Ticket> Tickets,
    IReadOnlyList<SystemSnapshot.RunSeat> RunSeats,
    IReadOnlyList<SystemSnapshot.PointsHold> PointsHolds,
    IReadOnlyList<SystemSnapshot.Allocation> Allocations,
    IReadOnlyList<SystemSnapshot.Lot> Lots,
    IReadOnlyList<SystemSnapshot.PointsMember> Members,
    IReadOnlyList<SystemSnapshot.Notification> Notifications)
{
    /// <summary>A message in a member's inbox; <see cref="SourceKey"/> names the event it came from, e.g. <c>RedemptionCompleted:{id}</c>.</summary>
    public sealed record Notification(Guid MemberId, string SourceKey);

    /// <summary>A redemption; <see cref="Timeline"/> is its JSON story, where a step deadline's re-send shows as "StepResent".</summary>
    public sealed record Redemption(Guid Id, string State, Guid MemberId, string? FailureReason, string? TicketNumber, string Timeline, string? DeadlineStep, int DeadlineAttempt)
    {
        /// <summary>Whether a step deadline had to make up for a lost or unanswered message (re-sent step or compensation, recovered request).</summary>
        public bool RecoveredByDeadline =>
            Timeline.Contains("\"StepResent\"", StringComparison.Ordinal) || Timeline.Contains("\"CompensationResent\"", StringComparison.Ordinal)
            || Timeline.Contains("\"RequestRecovered\"", StringComparison.Ordinal);
    }

    public sealed record SeatHold(Guid Id, Guid? RedemptionId, Guid RunId, string Car, string Seat, long Legs, string Status, string PassengerKey)
    {
        /// <summary>Held and ticketed seats occupy their legs; released, expired and voided ones do not.</summary>
        public bool Occupies => Status is "Held" or "Ticketed";
    }

    public sealed record Ticket(string Number, Guid HoldId, Guid? RedemptionId, string Status);

    public sealed record RunSeat(Guid RunId, string Car, string Seat, long SoldLegs);

    public sealed record PointsHold(Guid HoldId, Guid RedemptionId, Guid MemberId, long Points, string Status);

    public sealed record Allocation(Guid HoldId, Guid LotId, long Points);

    public sealed record Lot(Guid LotId, Guid MemberId, long Points, long Remaining, long Held, long Captured, long Expired);

    public sealed record PointsMember(Guid MemberId, long LifetimeCredited);

    public static async Task<SystemSnapshot> ReadAsync(SystemUnderTest system)
    {
        await using var ticketing = await ServiceDatabase.OpenAsync(system, "Ticketing");
        await using var points = await ServiceDatabase.OpenAsync(system, "Points");
        await using var membership = await ServiceDatabase.OpenAsync(system, "Membership");
        return new SystemSnapshot(
            await ticketing.ListAsync("""SELECT "CorrelationId", "CurrentState", "MemberId", "FailureReason", "TicketNumber", "Timeline", "DeadlineStep", "DeadlineAttempt" FROM "redemptions" """,
                r => new Redemption(r.GetId(0), r.GetString(1), r.GetId(2), r.GetNullableString(3), r.GetNullableString(4), r.GetString(5),
                    r.GetNullableString(6), r.GetInt32(7))),
            await ticketing.ListAsync("""SELECT "Id", "RedemptionId", "RunId", "Car", "Seat", "Legs", "Status", "PassengerKey" FROM "SeatHolds" """,
                r => new SeatHold(r.GetId(0), r.GetNullableId(1), r.GetId(2), r.GetString(3), r.GetString(4), r.GetInt64(5), r.GetString(6), r.GetString(7))),
            await ticketing.ListAsync("""SELECT "TicketNumber", "HoldId", "RedemptionId", "Status" FROM "Tickets" """,
                r => new Ticket(r.GetString(0), r.GetId(1), r.GetNullableId(2), r.GetString(3))),
            await ticketing.ListAsync("""SELECT "RunId", "Car", "Seat", "SoldLegs" FROM "RunSeats" """,
                r => new RunSeat(r.GetId(0), r.GetString(1), r.GetString(2), r.GetInt64(3))),
            await points.ListAsync("""SELECT "HoldId", "RedemptionId", "MemberId", "Points", "Status" FROM "Holds" """,
                r => new PointsHold(r.GetId(0), r.GetId(1), r.GetId(2), r.GetInt64(3), r.GetString(4))),
            await points.ListAsync("""SELECT "HoldId", "LotId", "Points" FROM "HoldAllocations" """,
                r => new Allocation(r.GetId(0), r.GetId(1), r.GetInt64(2))),
            await points.ListAsync("""SELECT "LotId", "MemberId", "Points", "Remaining", "Held", "Captured", "Expired" FROM "Lots" """,
                r => new Lot(r.GetId(0), r.GetId(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6))),
            await points.ListAsync("""SELECT "MemberId", "LifetimeCredited" FROM "Members" """,
                r => new PointsMember(r.GetId(0), r.GetInt64(1))),
            await membership.ListAsync("""SELECT "MemberId", "SourceKey" FROM "Notifications" WHERE "SourceKey" LIKE 'Redemption%' """,
                r => new Notification(r.GetId(0), r.GetString(1))));
    }
}
