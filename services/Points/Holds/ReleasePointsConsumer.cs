using Changxing.Contracts.Points;
using Changxing.Messaging.Bus;
using MassTransit;

namespace Changxing.Points.Holds;

public sealed class ReleasePointsConsumer(HoldBook book) : IConsumer<ReleasePoints>
{
    public async Task Consume(ConsumeContext<ReleasePoints> context) =>
        await context.ReplyAsync(await book.ReleaseAsync(context.Message, context.CancellationToken));
}
