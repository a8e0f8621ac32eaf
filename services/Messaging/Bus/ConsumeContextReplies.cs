using MassTransit;

namespace Changxing.Messaging.Bus;

/// <summary>
/// How a command's consumer answers: to the requester when the command came as a request (it has a response address),
/// otherwise by publishing the outcome, which the redemption saga correlates by redemption id. The one way every
/// service answers its commands.
/// </summary>
public static class ConsumeContextReplies
{
    public static Task ReplyAsync<T>(this ConsumeContext context, T message)
        where T : class =>
        context.ResponseAddress is null ? context.Publish(message, context.CancellationToken) : context.RespondAsync(message);

    /// <summary>For an outcome whose type is known only at run time: published or answered as that type.</summary>
    public static Task ReplyAsync(this ConsumeContext context, object message) =>
        context.ResponseAddress is null ? context.Publish(message, context.CancellationToken) : context.RespondAsync(message);
}
