using MassTransit;
using Microsoft.Extensions.Logging;

namespace Changxing.ServiceDefaults.Correlation;

/// <summary>Stamps outgoing messages with the ambient correlation id.</summary>
public sealed class CorrelationIdSendFilter<T> : IFilter<SendContext<T>>
    where T : class
{
    public Task Send(SendContext<T> context, IPipe<SendContext<T>> next)
    {
        Stamp(context);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("correlationId");

    internal static void Stamp(SendContext context)
    {
        if (CorrelationId.Current is { } id && !context.Headers.TryGetHeader(CorrelationId.HeaderName, out _))
        {
            context.Headers.Set(CorrelationId.HeaderName, id);
        }
    }
}

public sealed class CorrelationIdPublishFilter<T> : IFilter<PublishContext<T>>
    where T : class
{
    public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
    {
        CorrelationIdSendFilter<T>.Stamp(context);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("correlationId");
}

/// <summary>Restores the correlation id of an incoming message for the consumer, its log lines and the messages it sends.</summary>
public sealed class CorrelationIdConsumeFilter<T>(ILogger<CorrelationIdConsumeFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var header = context.Headers.Get<string>(CorrelationId.HeaderName);
        var id = CorrelationId.IsAcceptable(header) ? header! : context.CorrelationId?.ToString("N") ?? CorrelationId.New();
        var previous = CorrelationId.Current;
        CorrelationId.Current = id;
        try
        {
            using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
            {
                await next.Send(context);
            }
        }
        finally
        {
            CorrelationId.Current = previous;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("correlationId");
}
