using Changxing.Contracts.Points;
using Changxing.Messaging.Bus;
using MassTransit;

namespace Changxing.Points.Holds;

public sealed class CapturePointsConsumer(HoldBook book) : IConsumer<CapturePoints>
{
    public async Task Consume(ConsumeContext<CapturePoints> context) =>
        await context.ReplyAsync(await book.CaptureAsync(context.Message, context.CancellationToken));
}
