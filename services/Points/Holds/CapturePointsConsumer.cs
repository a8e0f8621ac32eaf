using Changxing.Contracts.Points;
using MassTransit;

namespace Changxing.Points.Holds;

public sealed class CapturePointsConsumer(HoldBook book) : IConsumer<CapturePoints>
{
    public async Task Consume(ConsumeContext<CapturePoints> context) =>
        await OutcomeReply.SendAsync(context, await book.CaptureAsync(context.Message, context.CancellationToken));
}
