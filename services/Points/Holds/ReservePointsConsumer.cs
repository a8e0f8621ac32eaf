using Changxing.Contracts.Points;
using Changxing.Messaging.Bus;
using MassTransit;

namespace Changxing.Points.Holds;

public sealed class ReservePointsConsumer(HoldBook book) : IConsumer<ReservePoints>
{
    public async Task Consume(ConsumeContext<ReservePoints> context) =>
        await context.ReplyAsync(await book.ReserveAsync(context.Message, context.CancellationToken));
}
