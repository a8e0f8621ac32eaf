using Changxing.ServiceDefaults.Outcomes;

namespace Changxing.ServiceDefaults.Tests.Outcomes;

/// <summary>The one "success or a reason" the services answer with.</summary>
public sealed class OutcomeSpecs
{
    [Fact]
    public void Should_carry_the_value_and_no_reason_on_success()
    {
        var outcome = Outcome<string>.Success("ticket");

        Assert.True(outcome.Succeeded);
        Assert.Equal(("ticket", null, null), (outcome.Value, outcome.Reason, outcome.Detail));
    }

    [Fact]
    public void Should_carry_the_reason_and_detail_and_no_value_when_rejected()
    {
        var outcome = Outcome<Guid>.Rejected("SoldOut", "Second class is sold out.");

        Assert.False(outcome.Succeeded);
        Assert.Equal((Guid.Empty, "SoldOut", "Second class is sold out."), (outcome.Value, outcome.Reason, outcome.Detail));
    }

    [Fact]
    public void Should_pass_a_refusal_on_unchanged_as_the_outcome_of_another_operation()
    {
        var refused = Outcome<Guid>.Rejected("UnknownTrain", "There is no train G1.").AsRejection<string>();

        Assert.Equal(Outcome<string>.Rejected("UnknownTrain", "There is no train G1."), refused);
        Assert.Throws<InvalidOperationException>(() => Outcome<Guid>.Success(Guid.NewGuid()).AsRejection<string>());
    }
}
