using System.Net;
using System.Text;
using Changxing.Contracts;
using Changxing.Gateway.Forwarding;
using Changxing.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Gateway.Tests;

/// <summary>Issue #17, 4: what the caller got wrong is answered as the caller's 4xx problem, not as a service outage.</summary>
public sealed class EdgeAnswerSpecs(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Should_refuse_a_header_with_a_utf8_character_with_400_not_502_and_forward_nothing()
    {
        using var client = gateway.Anonymous();
        var before = gateway["ticketing"].Forwarded;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/ticketing/stations", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("X-Passenger", "张三");

        using var response = await client.SendAsync(request);

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest, ReasonCodes.InvalidRequest);
        Assert.Contains("X-Passenger", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, gateway["ticketing"].Forwarded);
    }

    [Fact]
    public async Task Should_answer_a_chunked_body_over_the_limit_with_413_invalid_request_not_downstream_unavailable()
    {
        using var client = gateway.Member();
        using var body = new UnknownLengthContent("{\"note\":\"" + new string('x', 100_000) + "\"}");

        using var response = await client.PostAsync(new Uri("/api/membership/beneficiaries", UriKind.Relative), body);

        await Problems.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, ReasonCodes.InvalidRequest);
    }

    [Fact]
    public async Task Should_answer_a_long_query_with_a_414_problem_and_forward_nothing()
    {
        using var client = gateway.Anonymous();
        var before = gateway["ticketing"].Forwarded;

        using var response = await client.GetAsync(new Uri("/api/ticketing/stations?q=" + string.Concat(Enumerable.Repeat("%E4%B8%AD", 3_000)), UriKind.Relative));

        await Problems.AssertAsync(response, HttpStatusCode.RequestUriTooLong, ReasonCodes.InvalidRequest);
        Assert.Equal(before, gateway["ticketing"].Forwarded);
    }

    [Fact]
    public async Task Should_answer_a_40_KB_header_with_a_431_problem_and_forward_nothing()
    {
        using var client = gateway.Anonymous();
        var before = gateway["ticketing"].Forwarded;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/ticketing/stations", UriKind.Relative));
        request.Headers.Add("X-Padding", new string('p', 40 * 1024));

        using var response = await client.SendAsync(request);

        await Problems.AssertAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge, ReasonCodes.InvalidRequest);
        Assert.Equal(before, gateway["ticketing"].Forwarded);
    }

    /// <summary>
    /// Over Kestrel, a chunked body cut off at the limit reaches YARP as a client-side error with status 413 (in-process,
    /// the test server refuses it before YARP, so the test above passes either way); the problem must say so.
    /// </summary>
    [Theory]
    [InlineData(StatusCodes.Status413PayloadTooLarge, Yarp.ReverseProxy.Forwarder.ForwarderError.RequestBodyClient)]
    [InlineData(StatusCodes.Status400BadRequest, Yarp.ReverseProxy.Forwarder.ForwarderError.RequestBodyClient)]
    public void Should_name_a_client_side_forwarding_error_invalid_request(int status, Yarp.ReverseProxy.Forwarder.ForwarderError error)
    {
        using var services = new ServiceCollection().AddProblemDetails().AddForwardingProblems().BuildServiceProvider();
        var http = new DefaultHttpContext();
        http.Response.StatusCode = status;
        http.Features.Set<Yarp.ReverseProxy.Forwarder.IForwarderErrorFeature>(new ClientSideError(error));
        var context = new ProblemDetailsContext { HttpContext = http, ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status } };

        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProblemDetailsOptions>>().Value.CustomizeProblemDetails!(context);

        Assert.Equal(ReasonCodes.InvalidRequest, context.ProblemDetails.Extensions["reason"]);
    }

    private sealed record ClientSideError(Yarp.ReverseProxy.Forwarder.ForwarderError Error) : Yarp.ReverseProxy.Forwarder.IForwarderErrorFeature
    {
        public Exception? Exception => null;
    }

    /// <summary>A JSON body sent without a Content-Length (chunked on the wire).</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnknownLengthContent(string json)
        {
            _bytes = Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
