using Changxing.Contracts.Membership;
using Changxing.Points.Members;
using Changxing.TestSupport;
using Changxing.TestSupport.BadInput;
using Xunit.Abstractions;

namespace Changxing.Points.Tests.BadInput;

/// <summary>Issue #9: hostile input on every Points operation is refused with a problem document and leaves nothing behind.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class BadInputSpecs(PointsBadInputApiFactory factory, ITestOutputHelper output) : IClassFixture<PointsBadInputApiFactory>
{
    [Fact]
    public async Task Should_answer_every_hostile_request_with_a_problem_and_store_nothing_it_refused()
    {
        var memberId = Guid.NewGuid();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MemberDirectory>().RegisterAsync(
                new MemberActivated(memberId, "测试会员", new DateOnly(1980, 1, 1), factory.Clock.GetUtcNow()), CancellationToken.None);
        }

        var (report, violations) = await BadInputSuite.RunAsync(factory, memberId, otherMemberId: Guid.NewGuid(), casesPerOperation: 40, writesAllowedOnRefusal: new Dictionary<string, string>());

        output.WriteLine(report.Summary);
        Assert.True(violations.Count == 0, report.Explain(violations));
    }
}
