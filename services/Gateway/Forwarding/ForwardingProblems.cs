using Changxing.Contracts;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Changxing.Gateway.Forwarding;

/// <summary>
/// When YARP cannot reach a service (connection refused, reset, no answer in time) it sets 502 or 504 with an empty
/// body; the status-code pages turn that into problem details, and this adds the reason a client can act on
/// (retry later) and which service failed, without the exception text. An error on the caller's side (a body over the
/// limit) is the caller's InvalidRequest, not the service's fault.
/// </summary>
internal static class ForwardingProblems
{
    public static IServiceCollection AddForwardingProblems(this IServiceCollection services) =>
        services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var previous = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                previous?.Invoke(context);
                if (context.HttpContext.Features.Get<IForwarderErrorFeature>() is not { } error)
                {
                    return;
                }

                var status = context.HttpContext.Response.StatusCode;
                if (status is not (StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout))
                {
                    // The caller's side failed, not the service: a chunked body cut off at the size limit (413), a body
                    // that stopped arriving (400).
                    context.ProblemDetails.Extensions["reason"] = ReasonCodes.InvalidRequest;
                    context.ProblemDetails.Type = ProblemResults.TypeUri(ReasonCodes.InvalidRequest);
                    context.ProblemDetails.Detail = status == StatusCodes.Status413PayloadTooLarge
                        ? "The body is larger than the limit accepted here."
                        : "The request body could not be read.";
                    return;
                }

                var service = context.HttpContext.Features.Get<Yarp.ReverseProxy.Model.IReverseProxyFeature>()?.Cluster?.Config.ClusterId ?? "downstream";
                var timedOut = error.Error == ForwarderError.RequestTimedOut;
                var reason = timedOut ? ReasonCodes.DownstreamTimedOut : ReasonCodes.DownstreamUnavailable;
                context.ProblemDetails.Extensions["reason"] = reason;
                context.ProblemDetails.Type = ProblemResults.TypeUri(reason);
                context.ProblemDetails.Detail = timedOut
                    ? $"The {service} service did not answer in time; try again later."
                    : $"The {service} service cannot be reached right now; try again later.";
            };
        });
}
