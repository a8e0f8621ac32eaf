using Changxing.TestSupport;

namespace Changxing.Ticketing.Tests.Security;

/// <summary>Generated from the routes: every endpoint refuses a missing token, and staff endpoints refuse members.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class EndpointSecuritySpecs(ServiceApiFactory<Program> factory) : IClassFixture<ServiceApiFactory<Program>>
{
    [Fact]
    public async Task Should_refuse_every_endpoint_without_a_token_and_every_staff_endpoint_to_a_member()
    {
        var violations = await EndpointSecurityMatrix.ViolationsAsync(factory);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
