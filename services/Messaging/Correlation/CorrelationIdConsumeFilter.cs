using Changxing.ServiceDefaults.Correlation;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Changxing.Messaging.Correlation;

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
            using (logger.BeginScope(new CorrelationLogScope(id)))
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
