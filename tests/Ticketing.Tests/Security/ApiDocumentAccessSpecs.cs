using System.Text.Json;
using Changxing.TestSupport;

namespace Changxing.Ticketing.Tests.Security;

/// <summary>The OpenAPI document tells readers (and the generated gateway tests) who may call each operation.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class ApiDocumentAccessSpecs(ServiceApiFactory<Program> factory) : IClassFixture<ServiceApiFactory<Program>>
{
    [Theory]
    [InlineData("/api/ticketing/trains/{number}", "get", "public", null)]
    [InlineData("/api/ticketing/trains/{number}", "put", "token", "operator")]
    [InlineData("/api/redemptions/{id}", "get", "token", "")]
    [InlineData("/api/redemptions/all", "get", "token", "operator")]
    public async Task Should_state_in_the_document_whether_an_operation_is_public_and_which_role_it_needs(
        string path, string method, string access, string? roles)
    {
        using var client = factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.Equal(access, operation.GetProperty("x-access").GetString());
        if (roles is null)
        {
            Assert.False(operation.TryGetProperty("x-roles", out _));
        }
        else
        {
            Assert.Equal(roles, string.Join(",", operation.GetProperty("x-roles").EnumerateArray().Select(r => r.GetString())));
            Assert.Contains("Requires a token", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
        }
    }
}
