using Changxing.Messaging.Data;
using Changxing.Messaging.Sagas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Ticketing.Redemptions.Strikes;

public sealed class PaymentStrikeStateMap : SagaClassMap<PaymentStrikeState>
{
    protected override void Configure(EntityTypeBuilder<PaymentStrikeState> entity, ModelBuilder model)
    {
        entity.ToTable("payment_strikes");
        entity.Property(x => x.CurrentState).HasMaxLength(32);
        entity.Property(x => x.RecentFailures).HasMaxLength(4000);
        entity.Property(x => x.RequestedFailures).HasMaxLength(4000);
        entity.Property(x => x.OpenTicketNumber).HasMaxLength(64);
        entity.Property(x => x.LastTicketNumber).HasMaxLength(64);
        entity.Property(x => x.UpdatedAt).HasUtcDateTimeConversion();
    }
}
