using Changxing.ServiceDefaults.Correlation;
using MassTransit;

namespace Changxing.Messaging.Correlation;

/// <summary>Stamps outgoing messages with the ambient correlation id, unless they carry one already.</summary>
public static class CorrelationIdStamp
{
    public static void Stamp(SendContext context)
    {
        if (CorrelationId.Current is { } id && !context.Headers.TryGetHeader(CorrelationId.HeaderName, out _))
        {
            context.Headers.Set(CorrelationId.HeaderName, id);
        }
    }
}
