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
    IReadOnlyList<SystemSnapshot.Notification> Notifications,
    IReadOnlyList<SystemSnapshot.StrikeCounter> StrikeCounters,
    IReadOnlyList<SystemSnapshot.SupportTicket> SupportTickets,
    IReadOnlyList<SystemSnapshot.Outbox> Outboxes)
{
    /// <summary>A message in a member's inbox; <see cref="SourceKey"/> names the event it came from, e.g. <c>RedemptionCompleted:{id}</c>.</summary>
    public sealed record Notification(Guid MemberId, string SourceKey);

    /// <summary>
    /// A redemption; <see cref="Timeline"/> is its JSON story, where a step deadline's re-send shows as "StepResent";
    /// <see cref="UpdatedAt"/> (UTC) is when it finished, once it has.
    /// </summary>
    public sealed record Redemption(Guid Id, string State, Guid MemberId, string? FailureReason, string? TicketNumber, string Timeline, string? DeadlineStep, int DeadlineAttempt,
        DateTime UpdatedAt, bool IsPaymentFailure)
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

    /// <summary>A member's payment-strike counter in Ticketing; <see cref="RecentFailures"/> is its stored run, as JSON.</summary>
    public sealed record StrikeCounter(Guid MemberId, string RecentFailures, int TicketsOpened);

    /// <summary>A support ticket in Membership, with how many of its failures were wrong consumption passwords (no redemption).</summary>
    public sealed record SupportTicket(Guid MemberId, string Keyword, int PasswordFailures);

    /// <summary>A service's transactional outbox: the messages it holds (delivered ones stay a while for operators) and how many are delivered.</summary>
    public sealed record Outbox(string Service, long Stored, long Delivered)
    {
        public long Pending => Stored - Delivered;
    }

    public static async Task<SystemSnapshot> ReadAsync(SystemUnderTest system)
    {
        await using var ticketing = await ServiceDatabase.OpenAsync(system, "Ticketing");
        await using var points = await ServiceDatabase.OpenAsync(system, "Points");
        await using var membership = await ServiceDatabase.OpenAsync(system, "Membership");
        return new SystemSnapshot(
            await ticketing.ListAsync("""SELECT "CorrelationId", "CurrentState", "MemberId", "FailureReason", "TicketNumber", "Timeline", "DeadlineStep", "DeadlineAttempt", "UpdatedAt", "IsPaymentFailure" FROM "redemptions" """,
                r => new Redemption(r.GetId(0), r.GetString(1), r.GetId(2), r.GetNullableString(3), r.GetNullableString(4), r.GetString(5),
                    r.GetNullableString(6), r.GetInt32(7), r.GetDateTime(8), r.GetBoolean(9))),
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
                r => new Notification(r.GetId(0), r.GetString(1))),
            await ticketing.ListAsync("""SELECT "CorrelationId", "RecentFailures", "TicketsOpened" FROM "payment_strikes" """,
                r => new StrikeCounter(r.GetId(0), r.GetString(1), r.GetInt32(2))),
            await membership.ListAsync("""
                SELECT t."MemberId", t."Keyword",
                       (SELECT COUNT(*) FROM "SupportTicketFailures" f WHERE f."TicketId" = t."Id" AND f."RedemptionId" IS NULL)
                FROM "SupportTickets" t
                """,
                r => new SupportTicket(r.GetId(0), r.GetString(1), Convert.ToInt32(r.GetValue(2), global::System.Globalization.CultureInfo.InvariantCulture))),
            [await OutboxAsync("Ticketing", ticketing), await OutboxAsync("Points", points), await OutboxAsync("Membership", membership)]);
    }

    private static async Task<Outbox> OutboxAsync(string service, ServiceDatabase database)
    {
        var counts = await database.ListAsync("""SELECT COUNT(*), COUNT("Delivered") FROM "OutboxMessage" """, r => (r.GetInt64(0), r.GetInt64(1)));
        return new Outbox(service, counts[0].Item1, counts[0].Item2);
    }
}
