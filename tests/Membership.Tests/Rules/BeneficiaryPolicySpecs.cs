using Changxing.Membership.Beneficiaries;
using Changxing.ServiceDefaults.Time;
using Microsoft.Extensions.Time.Testing;

namespace Changxing.Membership.Tests.Rules;

/// <summary>DESIGN.md 1: a beneficiary becomes effective 60 natural days after submission; nothing shortens it.</summary>
public sealed class BeneficiaryPolicySpecs
{
    // 2026-03-01 09:00 in China (01:00 UTC).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Should_not_be_effective_on_day_59_and_be_effective_on_day_60()
    {
        var beneficiary = Submit();
        beneficiary.Verify(Guid.NewGuid(), _clock.GetUtcNow());

        _clock.Advance(TimeSpan.FromDays(59));
        Assert.Equal(BeneficiaryStatus.VerifiedWaiting, beneficiary.StatusOn(ChinaCalendar.Today(_clock)));
        Assert.False(beneficiary.IsEffectiveOn(ChinaCalendar.Today(_clock)));

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(BeneficiaryStatus.Effective, beneficiary.StatusOn(ChinaCalendar.Today(_clock)));
        Assert.Equal(new DateOnly(2026, 4, 30), beneficiary.EffectiveOn);
    }

    [Fact]
    public void Should_count_natural_days_on_the_china_calendar()
    {
        // 23:30 in China on 1 March is still 15:30 UTC on 1 March; 00:30 on 2 March is 16:30 UTC on 1 March.
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 1, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 3, 2).AddDays(60), Submit().EffectiveOn);
    }

    [Fact]
    public void Should_stay_pending_review_even_after_60_days_until_a_reviewer_verifies()
    {
        var beneficiary = Submit();
        _clock.Advance(TimeSpan.FromDays(90));
        Assert.Equal(BeneficiaryStatus.PendingReview, beneficiary.StatusOn(ChinaCalendar.Today(_clock)));
        Assert.False(beneficiary.IsEffectiveOn(ChinaCalendar.Today(_clock)));
    }

    [Fact]
    public void Should_show_rejected_with_the_reason()
    {
        var beneficiary = Submit();
        beneficiary.Reject(Guid.NewGuid(), "证件照片模糊", _clock.GetUtcNow());
        Assert.Equal(BeneficiaryStatus.Rejected, beneficiary.StatusOn(ChinaCalendar.Today(_clock)));
        Assert.Equal("证件照片模糊", beneficiary.RejectionReason);
        Assert.Null(beneficiary.SlotKey);
    }

    [Fact]
    public void Should_allow_eight_beneficiaries_per_member() => Assert.Equal(8, BeneficiaryPolicy.MaxPerMember);

    private Beneficiary Submit() =>
        Beneficiary.Submit(Guid.NewGuid(), Guid.NewGuid(), 1, "李四", "110101199001010015", "key", "a", "b", "c", _clock.GetUtcNow());
}
