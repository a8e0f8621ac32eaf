using Changxing.TestSupport;

namespace Changxing.Membership.Tests.Security;

[Trait("Category", TestCategories.Database)]
public sealed class ApiReferenceSpecs(ServiceApiFactory<Program> factory)
    : ApiReferenceSpecs<Program>(factory), IClassFixture<ServiceApiFactory<Program>>
{
    [Fact]
    public async Task Should_declare_the_notification_stream_as_server_sent_events()
    {
        var document = await ApiReferenceRules.ReadAsync(Factory);

        var ok = document.GetProperty("paths").GetProperty("/api/membership/notifications/stream").GetProperty("get")
            .GetProperty("responses").GetProperty("200");

        Assert.True(ok.GetProperty("content").TryGetProperty("text/event-stream", out _), ok.ToString());
    }
}
