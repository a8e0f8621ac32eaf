using Changxing.Contracts.Ticketing;
using Changxing.Ticketing.Messaging;
using MassTransit;

namespace Changxing.Ticketing.Inventory;

/// <summary>Saga step 3: hold a seat inside the "兑" quota. Idempotent by redemption id (a repeat gets the same seat).</summary>
public sealed class HoldSeatConsumer(SeatInventory inventory) : IConsumer<HoldSeat>
{
    public async Task Consume(ConsumeContext<HoldSeat> context)
    {
        var m = context.Message;
        var outcome = await inventory.HoldAsync(
            new HoldRequest(m.RedemptionId, m.MemberId, m.TrainNumber, m.TravelDate, m.FromStation, m.ToStation, m.SeatClass, m.PassengerKey),
            context.CancellationToken);

        if (outcome.Hold is { } hold)
        {
            await context.ReplyAsync(new SeatHeld(m.RedemptionId, hold.Id, hold.Car, hold.Seat, hold.ExpiresAt ?? hold.CreatedAt));
        }
        else
        {
            await context.ReplyAsync(new SeatHoldRejected(m.RedemptionId, outcome.Reason!, outcome.Detail!));
        }
    }
}
