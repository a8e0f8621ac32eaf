using Changxing.Membership.Accounts;
using Changxing.Membership.Activation;

namespace Changxing.Membership.Tests.Rules;

/// <summary>DESIGN.md 1: active only after real-name verification, face verification and an approving review.</summary>
public sealed class MemberActivationSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Should_become_active_only_when_all_three_checks_passed()
    {
        var member = NewMember();
        member.RecordRealName(true, null);
        Assert.False(member.IsActive);
        Assert.Equal(ReviewStatus.AwaitingChecks, member.Review);

        member.RecordFace(new string('a', 64), true, null);
        Assert.False(member.IsActive);
        Assert.Equal(ReviewStatus.Pending, member.Review);

        member.Approve(Guid.NewGuid(), Now);
        Assert.True(member.IsActive);
        Assert.Equal(Now, member.ActivatedAt);
    }

    [Fact]
    public void Should_not_let_a_reviewer_approve_before_both_checks_passed()
    {
        var member = NewMember();
        member.RecordRealName(true, null);
        member.RecordFace(new string('a', 64), false, "未检测到人脸");
        Assert.Throws<StateConflictException>(() => member.Approve(Guid.NewGuid(), Now));
        Assert.False(member.IsActive);
        Assert.Equal("未检测到人脸", member.FaceReason);
    }

    [Fact]
    public void Should_keep_the_rejection_reason_and_requeue_after_the_checks_are_redone()
    {
        var member = NewMember();
        member.RecordRealName(true, null);
        member.RecordFace(new string('a', 64), true, null);
        member.Reject(Guid.NewGuid(), "照片与证件不符", Now);
        Assert.Equal(ReviewStatus.Rejected, member.Review);
        Assert.Equal("照片与证件不符", member.ReviewReason);
        Assert.False(member.IsActive);

        member.RecordFace(new string('a', 64), true, null);
        Assert.Equal(ReviewStatus.Pending, member.Review);
    }

    private static Member NewMember()
    {
        Assert.True(ResidentIdNumber.TryParse("11010519491231002X", out var id));
        return Member.Register(Guid.NewGuid(), "张三", id, "key", "13900000000", "hash", Now);
    }
}
