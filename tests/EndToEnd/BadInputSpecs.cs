using Changxing.EndToEnd.Infrastructure;
using Changxing.SystemHarness;
using Changxing.SystemHarness.Scenarios;
using Changxing.TestSupport.BadInput;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Changxing.EndToEnd;

/// <summary>
/// Issue #9 through the gateway: every operation of the merged API document fuzzed over the real processes, so the
/// gateway's own limits (413, 415, 429) and Kestrel's parsing are judged too: every answer a problem document, never
/// a 5xx or a hang; afterwards no service database holds a hostile string from a request that was refused.
/// </summary>
public sealed class BadInputSpecs(SystemUnderTest system, ITestOutputHelper output) : EndToEndTest(system, output)
{
    private readonly ITestOutputHelper _output = output;

    [Fact]
    public Task Should_answer_hostile_requests_through_the_gateway_with_problems_and_store_nothing_it_refused() => Scenario(async () =>
    {
        var journeys = new Journeys(System);
        using var member = await journeys.SignUpAsync(new DateOnly(1990, 5, 17));
        await journeys.ActivateAsync(member);
        using var operatorClient = await journeys.StaffAsync("operator");
        using var reviewer = await journeys.StaffAsync("reviewer");
        using var support = await journeys.StaffAsync("support");
        using var anonymous = System.CreateClient();
        BadInputCaller[] callers =
        [
            new("member", member.Http), new("operator", operatorClient), new("reviewer", reviewer), new("support", support), new("anonymous", anonymous),
        ];
        var operations = OpenApiOperations.Read(await anonymous.GetJsonAsync("/openapi/changxing.json"));
        Assert.True(operations.Count > 40, $"the merged document lists only {operations.Count} operations");

        var report = await new BadInputRunner(callers, BadInputOptions.FromEnvironment(defaultCasesPerOperation: 8, inProcess: false)).RunAsync(operations);

        var stored = new List<StoredMarker>();
        foreach (var file in Directory.GetFiles(System.DataDirectory, "*.db"))
        {
            await using var database = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            stored.AddRange(await StoredMarkers.FindAsync(database));
        }

        report = report with { StoredMarkerCount = stored.Count };
        var violations = report.AnswerViolations.Concat(report.MarkersNotAccepted(stored)).ToList();
        _output.WriteLine(report.Summary);
        Assert.True(violations.Count == 0, report.Explain(violations));
    });
}
