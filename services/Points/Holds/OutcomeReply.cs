using MassTransit;

namespace Changxing.Points.Holds;

/// <summary>Answers a request (the message has a response address) or publishes the outcome for the saga, which correlates by redemption id.</summary>
public static class OutcomeReply
{
    public static Task SendAsync(ConsumeContext context, object outcome) =>
        context.ResponseAddress is not null
            ? context.RespondAsync(outcome)
            : context.Publish(outcome, context.CancellationToken);
}
