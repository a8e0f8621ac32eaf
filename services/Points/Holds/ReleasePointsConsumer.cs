using Changxing.Contracts.Points;
using MassTransit;

namespace Changxing.Points.Holds;

public sealed class ReleasePointsConsumer(HoldBook book) : IConsumer<ReleasePoints>
{
    public async Task Consume(ConsumeContext<ReleasePoints> context) =>
        await OutcomeReply.SendAsync(context, await book.ReleaseAsync(context.Message, context.CancellationToken));
}
