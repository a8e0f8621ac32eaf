using Changxing.Membership.Activation;

namespace Changxing.Membership.Accounts;

/// <summary>
/// A 铁路畅行 member. Active only after real-name verification (实名认证), face verification (人脸识别) and an
/// approving review (审核); each step's outcome and rejection reason is kept.
/// </summary>
public sealed class Member
{
    private Member()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The resident ID number, kept for passenger checks; never logged or sent in messages.</summary>
    public string IdNumber { get; private set; } = "";

    /// <summary>Keyed hash of <see cref="IdNumber"/>: unique, used to find the same person.</summary>
    public string PersonKey { get; private set; } = "";

    public DateOnly BirthDate { get; private set; }

    public string Phone { get; private set; } = "";

    public string PasswordHash { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }

    public CheckStatus RealName { get; private set; }

    public string? RealNameReason { get; private set; }

    public CheckStatus Face { get; private set; }

    public string? FaceReason { get; private set; }

    /// <summary>
    /// SHA-256 of the face video last uploaded for the face check, kept in the upload store for the reviewer
    /// (like a beneficiary's files); null for members who did the check before videos were kept.
    /// </summary>
    public string? FaceVideoSha256 { get; private set; }

    public ReviewStatus Review { get; private set; }

    public string? ReviewReason { get; private set; }

    public Guid? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public DateTimeOffset? ActivatedAt { get; private set; }

    /// <summary>When <c>MemberActivated</c> left; null while it still has to be published.</summary>
    public DateTimeOffset? ActivationAnnouncedAt { get; private set; }

    public bool IsActive => ActivatedAt is not null;

    public ResidentIdNumber ResidentId =>
        ResidentIdNumber.TryParse(IdNumber, out var id) ? id : throw new InvalidOperationException("A stored ID number is malformed.");

    public static Member Register(Guid id, string name, ResidentIdNumber idNumber, string personKey, string phone, string passwordHash, DateTimeOffset now) =>
        new()
        {
            Id = id,
            Name = name,
            IdNumber = idNumber.Value,
            PersonKey = personKey,
            BirthDate = idNumber.BirthDate,
            Phone = phone,
            PasswordHash = passwordHash,
            RegisteredAt = now,
            RealName = CheckStatus.NotSubmitted,
            Face = CheckStatus.NotSubmitted,
            Review = ReviewStatus.AwaitingChecks,
        };

    public void RecordRealName(bool passed, string? reason)
    {
        EnsureNotActive();
        RealName = passed ? CheckStatus.Passed : CheckStatus.Failed;
        RealNameReason = passed ? null : reason;
        QueueForReviewWhenReady();
    }

    /// <summary>Records a face check on the video stored as <paramref name="faceVideoSha256"/>; a retry replaces the earlier video.</summary>
    public void RecordFace(string faceVideoSha256, bool passed, string? reason)
    {
        EnsureNotActive();
        FaceVideoSha256 = faceVideoSha256;
        Face = passed ? CheckStatus.Passed : CheckStatus.Failed;
        FaceReason = passed ? null : reason;
        QueueForReviewWhenReady();
    }

    /// <summary>Approves the pending review; the member becomes active, as all three checks have now passed.</summary>
    public void Approve(Guid reviewer, DateTimeOffset now)
    {
        EnsurePendingReview();
        Review = ReviewStatus.Approved;
        ReviewReason = null;
        ReviewedBy = reviewer;
        ReviewedAt = now;
        if (RealName == CheckStatus.Passed && Face == CheckStatus.Passed)
        {
            ActivatedAt = now;
        }
    }

    public void Reject(Guid reviewer, string reason, DateTimeOffset now)
    {
        EnsurePendingReview();
        Review = ReviewStatus.Rejected;
        ReviewReason = reason;
        ReviewedBy = reviewer;
        ReviewedAt = now;
    }

    public void MarkActivationAnnounced(DateTimeOffset now) => ActivationAnnouncedAt = now;

    public void ChangePassword(string passwordHash) => PasswordHash = passwordHash;

    // A failed check, or a review rejection, is answered by redoing a check: passing both again re-queues the review.
    private void QueueForReviewWhenReady()
    {
        Review = RealName == CheckStatus.Passed && Face == CheckStatus.Passed ? ReviewStatus.Pending : ReviewStatus.AwaitingChecks;
        if (Review == ReviewStatus.Pending)
        {
            ReviewReason = null;
        }
    }

    private void EnsureNotActive()
    {
        if (IsActive)
        {
            throw new StateConflictException("The member is already active.");
        }
    }

    private void EnsurePendingReview()
    {
        if (Review != ReviewStatus.Pending)
        {
            throw new StateConflictException($"The member's review is {Review}, not Pending.");
        }
    }
}
