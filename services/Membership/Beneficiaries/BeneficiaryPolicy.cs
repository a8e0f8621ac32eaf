using Changxing.ServiceDefaults.Time;
namespace Changxing.Membership.Beneficiaries;

/// <summary>Beneficiaries (受让人): at most 8 per member (the member not counted), effective 60 natural days after submission.</summary>
public static class BeneficiaryPolicy
{
    public const int MaxPerMember = 8;

    /// <summary>The lowest of the member's slots 1 to <see cref="MaxPerMember"/> not in <paramref name="held"/>; null when all are taken.</summary>
    public static int? FreeSlot(ICollection<int> held)
    {
        for (var slot = 1; slot <= MaxPerMember; slot++)
        {
            if (!held.Contains(slot))
            {
                return slot;
            }
        }

        return null;
    }

    /// <summary>Nothing skips or shortens it (核验需60天生效期,不可跳过或加速).</summary>
    public const int WaitingDays = 60;

    /// <summary>The first day the beneficiary may travel on the member's points: submission day + 60 (China calendar).</summary>
    public static DateOnly EffectiveOn(DateTimeOffset submittedAt) => ChinaCalendar.DateOf(submittedAt).AddDays(WaitingDays);
}
