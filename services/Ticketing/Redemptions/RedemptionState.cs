using Changxing.Contracts.Redemptions;
using Changxing.Messaging.Sagas;

namespace Changxing.Ticketing.Redemptions;

/// <summary>
/// One redemption (积分兑换) as the saga keeps it: what was asked, how far it got, what must be undone, and its
/// timeline. The row is created by the API in <c>Submitted</c>, so a redemption is visible and idempotent from the
/// first answer on.
/// </summary>
public sealed class RedemptionState : IStepDeadlineSaga
{
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = null!;

    // The request
    public Guid MemberId { get; set; }
    public Guid? BeneficiaryId { get; set; }
    public string TrainNumber { get; set; } = null!;
    public DateOnly TravelDate { get; set; }
    public string FromStation { get; set; } = null!;
    public string ToStation { get; set; } = null!;
    public string SeatClass { get; set; } = null!;
    public decimal Fare { get; set; }
    public long Points { get; set; }
    public string IdempotencyKey { get; set; } = null!;
    public string RequestHash { get; set; } = null!;

    /// <summary>The one-time payment authorisation; kept only until Membership has consumed it.</summary>
    public string? AuthorisationCode { get; set; }

    // What the steps produced
    public string? PassengerKey { get; set; }
    public string? PassengerName { get; set; }
    public string? PassengerIdMasked { get; set; }
    public Guid? PointsHoldId { get; set; }
    public Guid? SeatHoldId { get; set; }
    public string? Car { get; set; }
    public string? Seat { get; set; }
    public string? TicketNumber { get; set; }
    public DateTimeOffset? DepartsAt { get; set; }

    // Compensation still awaited (Compensating)
    public bool TicketVoidPending { get; set; }
    public bool SeatReleasePending { get; set; }
    public bool PointsReleasePending { get; set; }

    // The outcome
    public string? FailureReason { get; set; }
    public string? FailureDetail { get; set; }
    public bool IsPaymentFailure { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Every transition, as JSON (<see cref="RedemptionTimeline"/>).</summary>
    public string Timeline { get; set; } = "[]";

    // Step deadline (IStepDeadlineSaga)
    public string? DeadlineStep { get; set; }
    public int DeadlineAttempt { get; set; }
    public DateTimeOffset? DeadlineAt { get; set; }

    /// <summary>
    /// What was asked: the one place a redemption's request is written into its row, by the API that accepts it and by
    /// the saga when a <c>RedemptionRequested</c> from another producer finds no row.
    /// </summary>
    public void Describe(RedemptionRequested request, string idempotencyKey, string requestHash)
    {
        MemberId = request.MemberId;
        BeneficiaryId = request.BeneficiaryId;
        TrainNumber = request.TrainNumber;
        TravelDate = request.TravelDate;
        FromStation = request.FromStation;
        ToStation = request.ToStation;
        SeatClass = request.SeatClass;
        Fare = request.Fare;
        Points = request.Points;
        AuthorisationCode = request.AuthorisationCode;
        IdempotencyKey = idempotencyKey;
        RequestHash = requestHash;
        CreatedAt = request.RequestedAt;
        UpdatedAt = request.RequestedAt;
    }
}
