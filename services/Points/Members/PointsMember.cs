using Changxing.Points.Ledger;

namespace Changxing.Points.Members;

/// <summary>
/// An active member as Points knows them (from MemberActivated): the birth date for the age bands, the lifetime
/// total for the redemption threshold, and the row that every ledger change of this member locks first.
/// </summary>
public sealed class PointsMember
{
    public PointsMember(Guid memberId, string displayName, DateOnly birthDate, DateTimeOffset activatedAt)
    {
        MemberId = memberId;
        DisplayName = displayName;
        BirthDate = birthDate;
        ActivatedAt = activatedAt;
    }

    public Guid MemberId { get; private set; }

    public string DisplayName { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public DateTimeOffset ActivatedAt { get; private set; }

    /// <summary>Every point ever credited (trips, back-registrations, refunds); never decreases.</summary>
    public long LifetimeCredited { get; private set; }

    public DateOnly? LastCreditedOn { get; private set; }

    /// <summary>When lifetime credited first reached <see cref="RedemptionThreshold.Points"/>.</summary>
    public DateTimeOffset? RedemptionUnlockedAt { get; private set; }

    public bool RedemptionUnlocked => RedemptionUnlockedAt is not null;

    public long ThresholdShortfall => RedemptionUnlocked ? 0 : Math.Max(0, RedemptionThreshold.Points - LifetimeCredited);

    public void RecordCredit(long points, DateOnly creditedOn, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        LifetimeCredited += points;
        LastCreditedOn = creditedOn;
        if (RedemptionUnlockedAt is null && LifetimeCredited >= RedemptionThreshold.Points)
        {
            RedemptionUnlockedAt = at;
        }
    }

    public void UpdateProfile(string displayName, DateOnly birthDate)
    {
        DisplayName = displayName;
        BirthDate = birthDate;
    }
}
