namespace Changxing.Membership.SupportTickets;

/// <summary>A support ticket (客服工单) with a number the member can quote, e.g. GD20261125-000123.</summary>
public sealed class SupportTicket
{
    private readonly List<SupportTicketFailure> _failures = [];

    private SupportTicket()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = "";

    public Guid MemberId { get; private set; }

    public string Keyword { get; private set; } = "";

    public SupportTicketStatus Status { get; private set; }

    /// <summary>"{MemberId}:{Keyword}" while open, null once resolved; unique, so a member has one open ticket per keyword.</summary>
    public string? OpenKey { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public Guid? ResolvedBy { get; private set; }

    public string? Resolution { get; private set; }

    /// <summary>Bumped by every change, so two commands attaching to the same ticket at once cannot both win (the loser is retried).</summary>
    public int Version { get; private set; }

    public IReadOnlyList<SupportTicketFailure> Failures => _failures;

    public static SupportTicket Open(Guid id, string number, Guid memberId, string keyword, DateTimeOffset now) =>
        new()
        {
            Id = id,
            Number = number,
            MemberId = memberId,
            Keyword = keyword,
            Status = SupportTicketStatus.Open,
            OpenKey = OpenKeyFor(memberId, keyword),
            OpenedAt = now,
        };

    public static string OpenKeyFor(Guid memberId, string keyword) => $"{memberId:N}:{keyword}";

    /// <summary>Attaches failures not already attached (a repeated command adds nothing twice).</summary>
    public int Attach(IEnumerable<(Guid? RedemptionId, string Reason, DateTimeOffset FailedAt)> failures)
    {
        var added = 0;
        foreach (var (redemptionId, reason, failedAt) in failures)
        {
            if (_failures.Any(f => f.RedemptionId == redemptionId && f.Reason == reason && f.FailedAt == failedAt))
            {
                continue;
            }

            _failures.Add(new SupportTicketFailure { Id = Guid.NewGuid(), TicketId = Id, RedemptionId = redemptionId, Reason = reason, FailedAt = failedAt });
            added++;
        }

        if (added > 0)
        {
            Version++;
        }

        return added;
    }

    public void Resolve(Guid staff, string resolution, DateTimeOffset now)
    {
        if (Status != SupportTicketStatus.Open)
        {
            throw new StateConflictException($"Ticket {Number} is already {Status}.");
        }

        Status = SupportTicketStatus.Resolved;
        OpenKey = null;
        ResolvedAt = now;
        Version++;
        ResolvedBy = staff;
        Resolution = resolution;
    }
}
