namespace Changxing.Ticketing.Inventory;

/// <summary>A seat taken on a run for one segment, by a redemption (against a "兑" quota) or by a money-paid sale.</summary>
public sealed class SeatHold
{
    public required Guid Id { get; init; }

    /// <summary>Set for points redemptions: the key that makes every command about this hold idempotent.</summary>
    public Guid? RedemptionId { get; init; }

    public required Guid RunId { get; init; }

    public required string TrainNumber { get; init; }

    /// <summary>The travel date at the boarding station, as the passenger searched it.</summary>
    public required DateOnly TravelDate { get; init; }

    public required Guid MemberId { get; init; }

    /// <summary>Who travels (e.g. the member or a beneficiary): one passenger holds at most one seat per run.</summary>
    public required string PassengerKey { get; init; }

    public required string SeatClass { get; init; }

    public required string Car { get; init; }

    public required string Seat { get; init; }

    public required string FromStation { get; init; }

    public required string ToStation { get; init; }

    public required long Legs { get; init; }

    public Guid? AllotmentId { get; init; }

    public required decimal Fare { get; init; }

    public HoldStatus Status { get; private set; } = HoldStatus.Held;

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public SeatLegMask LegMask => new(unchecked((ulong)Legs));

    /// <summary>Whether the hold still occupies its seat.</summary>
    public bool Occupies => Status is HoldStatus.Held or HoldStatus.Ticketed;

    public bool HasExpiredAt(DateTimeOffset now) => Status == HoldStatus.Held && ExpiresAt is { } at && at <= now;

    public void ExpireAfter(DateTimeOffset at) => ExpiresAt = at;

    public void MarkTicketed()
    {
        if (Status != HoldStatus.Held)
        {
            throw new InvalidOperationException($"Only a held seat can be ticketed; this hold is {Status}.");
        }

        Status = HoldStatus.Ticketed;
        ExpiresAt = null;
    }

    public void End(HoldStatus status, DateTimeOffset at)
    {
        if (!Occupies || status is HoldStatus.Held or HoldStatus.Ticketed)
        {
            throw new InvalidOperationException($"A {Status} hold cannot become {status}.");
        }

        Status = status;
        EndedAt = at;
    }
}
