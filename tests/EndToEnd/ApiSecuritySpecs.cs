using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Changxing.EndToEnd.Infrastructure;
using Changxing.SystemHarness;
using Changxing.SystemHarness.Scenarios;
using Changxing.TestSupport;
using Xunit.Abstractions;

namespace Changxing.EndToEnd;

/// <summary>
/// Every operation in the gateway's merged API document, called through the gateway over the real processes: with no
/// token and with a forged one (401 except the few public ones listed here), with a token lacking the role the document
/// names in <c>x-roles</c> (403), and with another member's token on the owner's resources (404). An endpoint added
/// later is covered without edits; one that addresses a new kind of resource fails until the owner has a sample of it.
/// </summary>
public sealed partial class ApiSecuritySpecs(SystemUnderTest system, ITestOutputHelper output) : EndToEndTest(system, output)
{
    private static readonly string[] StaffRoles = ["reviewer", "support", "operator"];

    private readonly Journeys _journeys = new(system);

    private static readonly HashSet<string> Public =
    [
        "POST /api/membership/accounts",
        "POST /api/membership/accounts/sign-in",
        "POST /api/membership/staff/sign-in",
        "GET /api/ticketing/search",
        "GET /api/ticketing/quote",
        "GET /api/ticketing/stations",
        "GET /api/ticketing/trains",
        "GET /api/ticketing/trains/{number}",
    ];

    [Fact]
    public Task Should_refuse_every_non_public_operation_without_a_valid_token() => Scenario(async () =>
    {
        using var anonymous = System.CreateClient();
        using var forged = Member.ClientWithToken(System.Gateway.BaseAddress,
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjMiLCJpc3MiOiJjaGFuZ3hpbmciLCJhdWQiOiJjaGFuZ3hpbmctYXBpIiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2lnbmVkLWJ5LXNvbWVvbmUtZWxzZQ");
        var operations = await OperationsAsync();
        Assert.True(operations.Count > 40, $"the merged document lists only {operations.Count} operations");

        var violations = new List<string>();
        foreach (var (method, path, _) in operations)
        {
            var key = $"{method} {path}";
            var (withoutToken, challenged) = await SendAsync(anonymous, method, path);
            var (withForgedToken, _) = await SendAsync(forged, method, path);
            if (Public.Contains(key))
            {
                // A public endpoint may still answer 401 itself (wrong credentials), but never with a bearer challenge.
                if (challenged)
                {
                    violations.Add($"{key} is public but was refused for want of a token");
                }
            }
            else if (withoutToken != HttpStatusCode.Unauthorized)
            {
                violations.Add($"{key} answered {(int)withoutToken} without a token");
            }

            if (withForgedToken != HttpStatusCode.Unauthorized)
            {
                violations.Add($"{key} answered {(int)withForgedToken} to a forged token");
            }
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    });

    [Fact]
    public Task Should_refuse_every_staff_operation_to_a_token_without_its_role() => Scenario(async () =>
    {
        using var member = await _journeys.SignUpAsync(new DateOnly(1990, 1, 1));
        var callers = new Dictionary<string, HttpClient> { ["member"] = member.Http };
        foreach (var role in StaffRoles)
        {
            callers[role] = await _journeys.StaffAsync(role);
        }

        var staffOperations = (await OperationsAsync())
            .Where(o => o.Roles is { Count: > 0 } roles && !roles.Contains("member"))
            .Select(o => (o.Method, o.Path, Roles: o.Roles!))
            .ToList();
        Assert.True(staffOperations.Count > 15, $"the merged document names roles on only {staffOperations.Count} staff operations");

        var violations = new List<string>();
        foreach (var (method, path, roles) in staffOperations)
        {
            foreach (var (role, client) in callers.Where(c => !roles.Contains(c.Key)))
            {
                var (status, _) = await SendAsync(client, method, path);
                if (status != HttpStatusCode.Forbidden)
                {
                    violations.Add($"{method} {path} (role {string.Join("/", roles)}) answered {(int)status} to a {role}");
                }
            }
        }

        foreach (var client in callers.Values.Skip(1))
        {
            client.Dispose();
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    });

    [Fact]
    public Task Should_answer_404_to_another_member_for_every_resource_a_member_owns() => Scenario(async () =>
    {
        var (owner, samples) = await OwnerWithOneOfEverythingAsync();
        using var ownerSession = owner;
        using var stranger = await _journeys.SignUpAsync(new DateOnly(1992, 2, 2));
        await _journeys.ActivateAsync(stranger);

        // Operations a member may call that address one resource by a path parameter.
        var owned = (await OperationsAsync())
            .Where(o => o.Roles is not null && (o.Roles.Count == 0 || o.Roles.Contains("member")) && Parameter().IsMatch(o.Path))
            .OrderBy(o => o.Method == "DELETE")
            .ToList();
        Assert.True(owned.Count >= 8, $"only {owned.Count} member operations address a resource");

        var violations = new List<string>();
        foreach (var (method, template, _) in owned)
        {
            var missing = new List<string>();
            var path = Parameter().Replace(template, m =>
            {
                var key = Previous(template, m.Index) + "/" + m.Value;
                if (samples.TryGetValue(key, out var value))
                {
                    return value;
                }

                missing.Add(key);
                return m.Value;
            });
            if (missing.Count > 0)
            {
                violations.Add($"{method} {template}: the owner has no sample for {string.Join(", ", missing)}; add one to {nameof(OwnerWithOneOfEverythingAsync)}");
                continue;
            }

            var (strangerSees, _) = await SendResolvedAsync(stranger.Http, method, path);
            if (strangerSees != HttpStatusCode.NotFound)
            {
                violations.Add($"{method} {path} answered {(int)strangerSees} to another member (expected 404)");
            }

            // The sample is real: its owner reaches it (a DELETE is not repeated by the owner).
            if (method != "DELETE")
            {
                var (ownerSees, _) = await SendResolvedAsync(owner.Http, method, path);
                if ((int)ownerSees >= 300)
                {
                    violations.Add($"{method} {path} answered {(int)ownerSees} to its owner, so the 404 above proves nothing");
                }
            }
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    });

    /// <summary>
    /// A member with one of each resource a member owns, keyed by the path segment that addresses it
    /// (<c>"redemptions/{id}"</c>): a redemption (failed: no points), its notification, a beneficiary, a support
    /// ticket (three wrong consumption passwords), a ticket a station window sold them, their strikes and balance.
    /// </summary>
    private async Task<(Member Owner, Dictionary<string, string> Samples)> OwnerWithOneOfEverythingAsync()
    {
        var owner = await _journeys.SignUpAsync(new DateOnly(1988, 8, 8));
        await _journeys.ActivateAsync(owner);
        await _journeys.SetConsumptionPasswordAsync(owner);
        var (train, date, _) = await _journeys.FindRedeemableAsync();
        var redemption = await _journeys.RedeemAsync(owner, train, date, await _journeys.AuthoriseAsync(owner));
        await _journeys.WaitFinishedAsync(owner, redemption);
        var beneficiary = await _journeys.AddVerifiedBeneficiaryAsync(owner);
        for (var i = 0; i < 3; i++)
        {
            using var refused = await _journeys.AuthoriseWithAsync(owner, "000111");
        }

        var ticket = await _journeys.SellAtWindowAsync(owner, train, date);
        var supportTicket = (await Eventually.Until(() => owner.Http.GetJsonAsync("/api/membership/support-tickets"),
            t => t.GetArrayLength() > 0, because: "wrong consumption passwords open a support ticket"))[0];
        var notification = (await Eventually.Until(() => _journeys.NotificationsAsync(owner),
            n => n.Length > 0, because: "the failed redemption is notified"))[0];

        var samples = new Dictionary<string, string>
        {
            ["redemptions/{id}"] = redemption.ToString(),
            ["strikes/{memberId}"] = owner.Id.ToString(),
            ["members/{memberId}"] = owner.Id.ToString(),
            ["tickets/{number}"] = ticket.Str("ticketNumber"),
            ["beneficiaries/{id}"] = beneficiary.ToString(),
            ["support-tickets/{id}"] = supportTicket.Str("id"),
            ["notifications/{id}"] = notification.Str("id"),
        };
        return (owner, samples);
    }

    private async Task<List<(string Method, string Path, IReadOnlyList<string>? Roles)>> OperationsAsync()
    {
        using var anonymous = System.CreateClient();
        var document = await anonymous.GetJsonAsync("/openapi/changxing.json");
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (Method: m.Name.ToUpperInvariant(), Path: p.Name, Operation: m.Value)))
            .Where(o => o.Method is "GET" or "POST" or "PUT" or "DELETE" or "PATCH")
            .Select(o => (o.Method, o.Path, Roles: o.Operation.TryGetProperty("x-roles", out var roles)
                ? (IReadOnlyList<string>?)roles.EnumerateArray().Select(r => r.GetString()!).ToList()
                : null))
            .ToList();
    }

    /// <summary>The path segment before a parameter: "redemptions" in /api/redemptions/{id}.</summary>
    private static string Previous(string template, int index)
    {
        var before = template[..(index - 1)];
        return before[(before.LastIndexOf('/') + 1)..];
    }

    private static Task<(HttpStatusCode Status, bool Challenged)> SendAsync(HttpClient client, string method, string template) =>
        SendResolvedAsync(client, method, Parameter().Replace(template, m => m.Groups[1].Value switch
        {
            "date" => DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"),
            "train" or "number" => "G1",
            "code" => "VNP",
            _ => Guid.NewGuid().ToString(),
        }));

    private static async Task<(HttpStatusCode Status, bool Challenged)> SendResolvedAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"));
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Parameter();
}
