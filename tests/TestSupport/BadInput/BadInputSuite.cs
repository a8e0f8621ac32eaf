using System.Net.Http.Json;
using System.Text.Json;
using Changxing.ServiceDefaults.Auth;

namespace Changxing.TestSupport.BadInput;

/// <summary>
/// The whole check for one hosted service: every <c>/api</c> operation of its own OpenAPI document fuzzed by the
/// callers below; then every answer judged, every refusal's writes checked, and the database read for markers.
/// The first caller is <paramref name="memberId"/> holding every staff role as well, so the input of every endpoint
/// gets past authorisation to the checks that read it; <paramref name="otherMemberId"/> as a plain member (a member in
/// another state: not yet active, or unknown to the service) and an anonymous caller send the rest.
/// </summary>
public static class BadInputSuite
{
    public static async Task<(BadInputReport Report, IReadOnlyList<string> Violations)> RunAsync<TProgram>(
        BadInputApiFactory<TProgram> factory,
        Guid memberId,
        Guid otherMemberId,
        int casesPerOperation,
        IReadOnlyDictionary<string, string> writesAllowedOnRefusal)
        where TProgram : class
    {
        using var everyRole = factory.CreateClientFor(memberId, Roles.Member, Roles.Reviewer, Roles.Support, Roles.Operator);
        using var member = factory.CreateClientFor(otherMemberId, Roles.Member);
        using var anonymous = factory.CreateClient();
        BadInputCaller[] callers = [new("member with every staff role", everyRole), new("member", member), new("anonymous", anonymous)];
        var document = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        var operations = OpenApiOperations.Read(document).Where(o => o.PathTemplate.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        if (operations.Count == 0)
        {
            return (new BadInputReport("-", []), ["the OpenAPI document lists no /api operation: the fuzzer would prove nothing"]);
        }

        var report = await new BadInputRunner(callers, BadInputOptions.FromEnvironment(casesPerOperation, inProcess: true)).RunAsync(operations);
        var stored = await StoredMarkers.FindAsync(factory.Database);
        report = report with { StoredMarkerCount = stored.Count };
        var violations = report.AnswerViolations
            .Concat(report.RefusalsThatWrote(factory.Writes, writesAllowedOnRefusal))
            .Concat(report.MarkersNotAccepted(stored))
            .ToList();
        return (report, violations);
    }
}
