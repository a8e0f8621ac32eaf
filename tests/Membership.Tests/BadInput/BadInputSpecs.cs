using Changxing.Membership.Tests.Support;
using Changxing.TestSupport;
using Changxing.TestSupport.BadInput;
using Xunit.Abstractions;

namespace Changxing.Membership.Tests.BadInput;

/// <summary>Issue #9: hostile input on every Membership operation is refused with a problem document and leaves nothing behind.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class BadInputSpecs(MembershipBadInputFactory factory, ITestOutputHelper output) : IClassFixture<MembershipBadInputFactory>
{
    /// <summary>Refusals the service records on purpose, each a rule of the design.</summary>
    private static readonly Dictionary<string, string> RecordedRefusals = new()
    {
        ["POST /api/membership/payment-authorisations 403"] = "a wrong consumption password counts toward the lock after five in a row",
        ["POST /api/membership/activation/real-name 422"] = "a failed real-name check is kept on the member, with its reason",
        ["POST /api/membership/activation/face 422"] = "a failed face check is kept on the member, with its reason",
        ["POST /api/membership/accounts/sign-in 401"] = "a wrong login password counts toward the account's sign-in lock (LoginFailures)",
        ["POST /api/membership/staff/sign-in 401"] = "a wrong login password counts toward the account's sign-in lock (LoginFailures)",
        ["PUT /api/membership/consumption-password 403"] = "a wrong login password counts toward the account's sign-in lock (LoginFailures)",
    };

    [Fact]
    public async Task Should_answer_every_hostile_request_with_a_problem_and_store_nothing_it_refused()
    {
        // An active member with a consumption password, so payment and beneficiary input reaches the checks that read it;
        // and one not yet active, so activation input does too.
        var active = await MemberSession.RegisterActiveAsync(factory);
        await active.SetConsumptionPasswordAsync();
        var inactive = await MemberSession.RegisterAsync(factory, "李四");

        var (report, violations) = await BadInputSuite.RunAsync(factory, active.MemberId, inactive.MemberId, casesPerOperation: 30, RecordedRefusals);

        output.WriteLine(report.Summary);
        Assert.True(violations.Count == 0, report.Explain(violations));
    }
}
