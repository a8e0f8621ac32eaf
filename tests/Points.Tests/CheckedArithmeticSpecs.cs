using Changxing.Points.Ledger;
using Changxing.Points.Members;

namespace Changxing.Points.Tests;

/// <summary>Issue #17: a total that would pass 2^63 throws instead of wrapping to a negative balance (the project compiles checked).</summary>
public sealed class CheckedArithmeticSpecs
{
    private static readonly DateOnly Today = new(2026, 3, 1);
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Should_throw_rather_than_wrap_the_lifetime_total_to_a_negative_number()
    {
        var member = new PointsMember(Guid.NewGuid(), "测试", new DateOnly(1990, 1, 1), Now);
        member.RecordCredit(long.MaxValue - 1, Today, Now);

        Assert.Throws<OverflowException>(() => member.RecordCredit(2, Today, Now));
        Assert.Equal(long.MaxValue - 1, member.LifetimeCredited);
    }

    [Fact]
    public void Should_throw_rather_than_wrap_a_balance_whose_lots_sum_past_2_to_the_63()
    {
        var member = new PointsMember(Guid.NewGuid(), "测试", new DateOnly(1990, 1, 1), Now);
        var lots = new[] { Lot(member, long.MaxValue), Lot(member, 1) };

        Assert.Throws<OverflowException>(() => PointsBalance.Of(member, lots, Today, new LotPolicy(Microsoft.Extensions.Options.Options.Create(new PointsOptions()))));
    }

    private static PointsLot Lot(PointsMember member, long points) =>
        new(member.MemberId, points, CreditSource.Trip, null, null, Today, Now);
}
