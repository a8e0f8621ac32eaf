using Changxing.TestSupport;
using Changxing.TestSupport.BadInput;
using Xunit.Abstractions;

namespace Changxing.Ticketing.Tests.BadInput;

/// <summary>Issue #9: hostile input on every Ticketing operation is refused with a problem document and leaves nothing behind.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class BadInputSpecs(BadInputApiFactory<Program> factory, ITestOutputHelper output) : IClassFixture<BadInputApiFactory<Program>>
{
    [Fact]
    public async Task Should_answer_every_hostile_request_with_a_problem_and_store_nothing_it_refused()
    {
        var (report, violations) = await BadInputSuite.RunAsync(factory, Guid.NewGuid(), Guid.NewGuid(), casesPerOperation: 40, new Dictionary<string, string>());

        output.WriteLine(report.Summary);
        Assert.True(violations.Count == 0, report.Explain(violations));
    }
}
