using Changxing.Contracts.Points;
using MassTransit;

namespace Changxing.Points.Holds;

public sealed class ReservePointsConsumer(HoldBook book) : IConsumer<ReservePoints>
{
    public async Task Consume(ConsumeContext<ReservePoints> context) =>
        await OutcomeReply.SendAsync(context, await book.ReserveAsync(context.Message, context.CancellationToken));
}
