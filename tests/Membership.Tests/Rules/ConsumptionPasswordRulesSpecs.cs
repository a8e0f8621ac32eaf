using Changxing.Membership.ConsumptionPassword;
using Microsoft.Extensions.Time.Testing;

namespace Changxing.Membership.Tests.Rules;

/// <summary>DESIGN.md 1: a 6-digit consumption password; five wrong entries in a row lock it for 30 minutes.</summary>
public sealed class ConsumptionPasswordRulesSpecs
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Should_lock_after_the_fifth_consecutive_wrong_entry()
    {
        var record = ConsumptionPasswordRecord.Create(Guid.NewGuid(), "hash", _clock.GetUtcNow());
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            record.RecordFailure(_clock.GetUtcNow());
            Assert.False(record.IsLocked(_clock.GetUtcNow()));
            Assert.Equal(5 - attempt, record.AttemptsLeft(_clock.GetUtcNow()));
        }

        record.RecordFailure(_clock.GetUtcNow());
        Assert.True(record.IsLocked(_clock.GetUtcNow()));
        Assert.Equal(0, record.AttemptsLeft(_clock.GetUtcNow()));
        Assert.Equal(_clock.GetUtcNow().AddMinutes(30), record.LockedUntil);
    }

    [Fact]
    public void Should_release_the_lock_after_30_minutes_and_not_a_moment_before()
    {
        var record = ConsumptionPasswordRecord.Create(Guid.NewGuid(), "hash", _clock.GetUtcNow());
        for (var i = 0; i < ConsumptionPasswordPolicy.MaxConsecutiveFailures; i++)
        {
            record.RecordFailure(_clock.GetUtcNow());
        }

        _clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        Assert.True(record.IsLocked(_clock.GetUtcNow()));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(record.IsLocked(_clock.GetUtcNow()));
        Assert.Equal(5, record.AttemptsLeft(_clock.GetUtcNow()));

        // After the lock the count starts again: one wrong entry leaves four.
        record.RecordFailure(_clock.GetUtcNow());
        Assert.Equal(4, record.AttemptsLeft(_clock.GetUtcNow()));
    }

    [Fact]
    public void Should_reset_the_count_after_a_right_entry()
    {
        var record = ConsumptionPasswordRecord.Create(Guid.NewGuid(), "hash", _clock.GetUtcNow());
        for (var i = 0; i < 4; i++)
        {
            record.RecordFailure(_clock.GetUtcNow());
        }

        record.RecordSuccess(_clock.GetUtcNow());
        record.RecordFailure(_clock.GetUtcNow());
        Assert.False(record.IsLocked(_clock.GetUtcNow()));
        Assert.Equal(4, record.AttemptsLeft(_clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("000000")]
    [InlineData("999999")]
    [InlineData("123456")]
    [InlineData("654321")]
    [InlineData("012345")]
    [InlineData("121212")]
    [InlineData("123123")]
    public void Should_refuse_trivial_passwords(string candidate) =>
        Assert.NotNull(ConsumptionPasswordPolicy.Refusal(candidate, new DateOnly(1990, 5, 17), "110101199005170011"));

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("")]
    [InlineData(null)]
    public void Should_refuse_anything_but_six_digits(string? candidate) =>
        Assert.NotNull(ConsumptionPasswordPolicy.Refusal(candidate, new DateOnly(1990, 5, 17), "110101199005170011"));

    [Fact]
    public void Should_refuse_the_birth_date_and_the_end_of_the_id_number()
    {
        Assert.NotNull(ConsumptionPasswordPolicy.Refusal("900517", new DateOnly(1990, 5, 17), "110101199005170011"));
        Assert.NotNull(ConsumptionPasswordPolicy.Refusal("170011", new DateOnly(1990, 5, 17), "110101199005170011"));
    }

    [Fact]
    public void Should_accept_an_unremarkable_six_digit_password() =>
        Assert.Null(ConsumptionPasswordPolicy.Refusal("258036", new DateOnly(1990, 5, 17), "110101199005170011"));
}
