using System.Net;
using Changxing.ServiceDefaults.Health;
using Changxing.TestSupport;

namespace Changxing.ServiceDefaults.Tests.Health;

/// <summary>The container health check (<c>dotnet X.dll --probe-health URL</c>): its exit code is what Docker and compose's start-up ordering read.</summary>
public sealed class HealthProbeSpecs
{
    [Theory]
    [InlineData(HttpStatusCode.OK, 0)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 1)]
    public async Task Should_exit_0_only_when_the_service_answers_ready(HttpStatusCode answer, int exitCode)
    {
        var port = LoopbackPort.Free();
        using var service = new HttpListener();
        service.Prefixes.Add($"http://127.0.0.1:{port}/");
        service.Start();
        var answered = AnswerOnceAsync(service, answer);

        var probed = await HealthProbe.RunAsync([HealthProbe.Argument, $"http://127.0.0.1:{port}/health/ready"]);

        Assert.Equal("/health/ready", await answered);
        Assert.Equal(exitCode, probed);
    }

    [Fact]
    public async Task Should_exit_1_when_nothing_listens()
    {
        var probed = await HealthProbe.RunAsync([HealthProbe.Argument, $"http://127.0.0.1:{LoopbackPort.Free()}/health/ready"]);

        Assert.Equal(1, probed);
    }

    [Theory]
    [InlineData("--probe-health", "http://localhost:8080/health/ready", true)]
    [InlineData("--urls", "http://localhost:8080", false)]
    public void Should_probe_only_when_asked_to(string argument, string value, bool requested) =>
        Assert.Equal(requested, HealthProbe.IsRequested([argument, value]));

    private static async Task<string> AnswerOnceAsync(HttpListener service, HttpStatusCode answer)
    {
        var context = await service.GetContextAsync();
        context.Response.StatusCode = (int)answer;
        context.Response.Close();
        return context.Request.Url!.AbsolutePath;
    }
}
