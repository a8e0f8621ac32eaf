using Changxing.Contracts.Ticketing;
using Changxing.Messaging.Bus;
using MassTransit;

namespace Changxing.Ticketing.Inventory;

/// <summary>Compensation: free the redemption's seat and quota. Idempotent; no hold also answers released.</summary>
public sealed class ReleaseSeatConsumer(SeatInventory inventory) : IConsumer<ReleaseSeat>
{
    public async Task Consume(ConsumeContext<ReleaseSeat> context)
    {
        var hold = await inventory.ReleaseAsync(context.Message.RedemptionId, context.CancellationToken);
        await context.ReplyAsync(new SeatReleased(context.Message.RedemptionId, hold?.Id));
    }
}
