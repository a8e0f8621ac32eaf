using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Changxing.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.TestSupport;

/// <summary>
/// The authentication and role checks of every <c>/api</c> endpoint a service maps, generated from its routes so a new
/// endpoint cannot be forgotten: without a token each answers 401; a staff-only endpoint answers 403 to a member.
/// </summary>
public static partial class EndpointSecurityMatrix
{
    public static async Task<IReadOnlyList<string>> ViolationsAsync<TProgram>(ServiceApiFactory<TProgram> factory)
        where TProgram : class
    {
        var endpoints = factory.Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .ToList();
        if (endpoints.Count == 0)
        {
            return ["no /api endpoint found: the matrix would prove nothing"];
        }

        using var anonymous = factory.CreateClient();
        using var member = factory.CreateClientFor(Guid.NewGuid(), Roles.Member);
        var violations = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var access = EndpointAccess.Of(endpoint.Metadata);
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var path = Concrete(endpoint.RoutePattern.RawText!);
                if (!access.IsPublic)
                {
                    var status = await SendAsync(anonymous, method, path);
                    if (status != HttpStatusCode.Unauthorized)
                    {
                        violations.Add($"{method} {path} answered {(int)status} without a token (expected 401)");
                    }
                }

                if (access.IsStaffOnly)
                {
                    var status = await SendAsync(member, method, path);
                    if (status != HttpStatusCode.Forbidden)
                    {
                        violations.Add($"{method} {path} answered {(int)status} to a member (expected 403 for staff only)");
                    }
                }
            }
        }

        return violations;
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Fills route parameters with plausible values: the checks run before any handler reads them.</summary>
    private static string Concrete(string pattern) =>
        RouteParameter().Replace(pattern, m => m.Groups["constraint"].Value.Contains("guid", StringComparison.Ordinal)
            ? Guid.NewGuid().ToString()
            : m.Groups["name"].Value switch
            {
                "date" => "2026-03-05",
                "train" => "G1",
                _ => "X1",
            });

    [GeneratedRegex(@"\{\**(?<name>\w+)(?<constraint>(:[^}]+)?)\}")]
    private static partial Regex RouteParameter();
}
