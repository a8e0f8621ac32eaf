using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Changxing.Contracts;
using Changxing.ServiceDefaults.Hosting;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Changxing.ServiceDefaults.Tests.Hosting;

/// <summary>Every error a service answers is an RFC 9457 problem document, with a reason where the service knows one.</summary>
public sealed class ProblemDetailsSpecs : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.AddServiceDefaults();
        _app = builder.Build();
        _app.MapServiceDefaults();
        _app.MapPost("/orders", (OrderRequest order) => TypedResults.Ok(order.Quantity));
        _app.MapGet("/pages", (int? page) => page ?? 1);
        _app.MapGet("/boom", string () => throw new InvalidOperationException("secret internal detail"));
        _app.MapGet("/refused", () => ProblemResults.Conflict(ReasonCodes.QuotaExhausted, "No 兑 quota left."));
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Should_answer_malformed_json_with_a_400_problem_and_the_InvalidRequest_reason()
    {
        using var body = new StringContent("{\"quantity\": \"many\"", Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri("/orders", UriKind.Relative), body);
        var problem = await ReadProblem(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ReasonCodes.InvalidRequest, problem.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("GET", "/pages?page=abc", "'page' must be a whole number.")]
    [InlineData("POST", "/orders", "The body must be a JSON object of the documented shape.")]
    public async Task Should_explain_a_value_it_could_not_bind_in_plain_words_without_type_names(string method, string path, string detail)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        using var response = await _client.SendAsync(request);
        var problem = await ReadProblem(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("Nullable", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Service instead", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_an_unknown_route_with_a_404_problem_and_the_NotFound_reason()
    {
        using var response = await _client.GetAsync(new Uri("/nowhere", UriKind.Relative));
        var problem = await ReadProblem(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal(ReasonCodes.NotFound, problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Should_give_the_problems_the_framework_writes_itself_a_reason()
    {
        using var wrongMethod = await _client.DeleteAsync(new Uri("/orders", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(ReasonCodes.InvalidRequest, (await ReadProblem(wrongMethod)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Should_answer_a_body_in_an_unknown_charset_with_a_415_problem_not_a_server_error()
    {
        // Found by the bad-input fuzzer (issue #9): JSON binding threw InvalidOperationException on the charset, answering 500.
        using var body = new StringContent("{\"quantity\": 1}");
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=klingon");
        using var response = await _client.PostAsync(new Uri("/orders", UriKind.Relative), body);
        var problem = await ReadProblem(response);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ReasonCodes.InvalidRequest, problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Should_still_read_a_body_in_a_charset_dotnet_knows()
    {
        using var body = new StringContent("{\"quantity\": 3}", Encoding.Unicode);
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=utf-16");
        using var response = await _client.PostAsync(new Uri("/orders", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Should_answer_an_unhandled_error_with_a_500_problem_that_hides_the_exception()
    {
        using var response = await _client.GetAsync(new Uri("/boom", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret internal detail", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_carry_the_reason_code_in_the_type_and_the_reason_member()
    {
        using var response = await _client.GetAsync(new Uri("/refused", UriKind.Relative));
        var problem = await ReadProblem(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("QuotaExhausted", problem.GetProperty("reason").GetString());
        Assert.Equal("urn:changxing:problem:QuotaExhausted", problem.GetProperty("type").GetString());
        Assert.Equal("Quota exhausted", problem.GetProperty("title").GetString());
        Assert.Equal("No 兑 quota left.", problem.GetProperty("detail").GetString());
    }

    private static async Task<JsonElement> ReadProblem(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    private sealed record OrderRequest(int Quantity);
}
