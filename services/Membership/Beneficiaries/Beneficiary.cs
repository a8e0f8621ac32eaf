using Changxing.Membership.Accounts;

namespace Changxing.Membership.Beneficiaries;

/// <summary>
/// A person a member may redeem tickets for. Added with ID card front and back images and a face video (stored by
/// content hash, outside the database), reviewed, and effective 60 natural days after it was submitted.
/// Removing keeps the row (history) but frees the slot; adding the same person again is a new submission.
/// </summary>
public sealed class Beneficiary
{
    private Beneficiary()
    {
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Never logged or sent; <see cref="PersonKey"/> identifies the person.</summary>
    public string IdNumber { get; private set; } = "";

    public string PersonKey { get; private set; } = "";

    /// <summary>"{MemberId}:{PersonKey}" while the beneficiary holds one of the member's slots, null once removed or rejected; unique.</summary>
    public string? SlotKey { get; private set; }

    /// <summary>
    /// Which of the member's slots (1 to <see cref="BeneficiaryPolicy.MaxPerMember"/>) the beneficiary holds, null once
    /// removed or rejected. Unique per member, so two adds racing for the last free slot cannot both be stored.
    /// </summary>
    public int? Slot { get; private set; }

    public string IdFrontSha256 { get; private set; } = "";

    public string IdBackSha256 { get; private set; } = "";

    public string FaceVideoSha256 { get; private set; } = "";

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateOnly EffectiveOn { get; private set; }

    public BeneficiaryReview Review { get; private set; }

    public string? RejectionReason { get; private set; }

    public Guid? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    /// <summary>When <c>BeneficiaryBecameEffective</c> was published; it is published once.</summary>
    public DateTimeOffset? EffectiveAnnouncedAt { get; private set; }

    public bool IsRemoved => RemovedAt is not null;

    public ResidentIdNumber ResidentId =>
        ResidentIdNumber.TryParse(IdNumber, out var id) ? id : throw new InvalidOperationException("A stored ID number is malformed.");

    public static Beneficiary Submit(
        Guid id, Guid memberId, int slot, string name, string idNumber, string personKey,
        string idFrontSha256, string idBackSha256, string faceVideoSha256, DateTimeOffset now) =>
        new()
        {
            Id = id,
            MemberId = memberId,
            Name = name,
            IdNumber = idNumber,
            PersonKey = personKey,
            SlotKey = SlotKeyFor(memberId, personKey),
            Slot = slot is >= 1 and <= BeneficiaryPolicy.MaxPerMember
                ? slot
                : throw new ArgumentOutOfRangeException(nameof(slot), slot, $"A member has slots 1 to {BeneficiaryPolicy.MaxPerMember}."),
            IdFrontSha256 = idFrontSha256,
            IdBackSha256 = idBackSha256,
            FaceVideoSha256 = faceVideoSha256,
            SubmittedAt = now,
            EffectiveOn = BeneficiaryPolicy.EffectiveOn(now),
            Review = BeneficiaryReview.PendingReview,
        };

    public static string SlotKeyFor(Guid memberId, string personKey) => $"{memberId:N}:{personKey}";

    public BeneficiaryStatus StatusOn(DateOnly today) => Review switch
    {
        BeneficiaryReview.PendingReview => BeneficiaryStatus.PendingReview,
        BeneficiaryReview.Rejected => BeneficiaryStatus.Rejected,
        _ => today >= EffectiveOn ? BeneficiaryStatus.Effective : BeneficiaryStatus.VerifiedWaiting,
    };

    public bool IsEffectiveOn(DateOnly today) => !IsRemoved && StatusOn(today) == BeneficiaryStatus.Effective;

    public void Verify(Guid reviewer, DateTimeOffset now)
    {
        EnsurePendingReview();
        Review = BeneficiaryReview.Verified;
        ReviewedBy = reviewer;
        ReviewedAt = now;
    }

    public void Reject(Guid reviewer, string reason, DateTimeOffset now)
    {
        EnsurePendingReview();
        Review = BeneficiaryReview.Rejected;
        RejectionReason = reason;
        ReviewedBy = reviewer;
        ReviewedAt = now;
        FreeSlot();
    }

    public void Remove(DateTimeOffset now)
    {
        RemovedAt ??= now;
        FreeSlot();
    }

    public void MarkEffectiveAnnounced(DateTimeOffset now) => EffectiveAnnouncedAt = now;

    private void FreeSlot()
    {
        SlotKey = null;
        Slot = null;
    }

    private void EnsurePendingReview()
    {
        if (Review != BeneficiaryReview.PendingReview || IsRemoved)
        {
            throw new StateConflictException($"The beneficiary is {Review}{(IsRemoved ? " and removed" : "")}, not pending review.");
        }
    }
}
