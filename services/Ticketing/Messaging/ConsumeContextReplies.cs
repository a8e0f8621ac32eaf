using MassTransit;

namespace Changxing.Ticketing.Messaging;

public static class ConsumeContextReplies
{
    /// <summary>
    /// Answers a request to its requester when it has a response address; otherwise publishes the outcome, which the
    /// redemption saga correlates by redemption id.
    /// </summary>
    public static Task ReplyAsync<T>(this ConsumeContext context, T message)
        where T : class =>
        context.ResponseAddress is null ? context.Publish(message) : context.RespondAsync(message);
}
