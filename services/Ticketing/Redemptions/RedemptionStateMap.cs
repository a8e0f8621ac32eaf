using Changxing.Messaging.Data;
using Changxing.Messaging.Sagas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Ticketing.Redemptions;

public sealed class RedemptionStateMap : SagaClassMap<RedemptionState>
{
    protected override void Configure(EntityTypeBuilder<RedemptionState> entity, ModelBuilder model)
    {
        entity.ToTable("redemptions");
        entity.Property(x => x.CurrentState).HasMaxLength(32);
        entity.Property(x => x.TrainNumber).HasMaxLength(8);
        entity.Property(x => x.FromStation).HasMaxLength(8);
        entity.Property(x => x.ToStation).HasMaxLength(8);
        entity.Property(x => x.SeatClass).HasMaxLength(32);
        entity.Property(x => x.Fare).HasPrecision(10, 2);
        entity.Property(x => x.IdempotencyKey).HasMaxLength(RedemptionSubmission.MaxIdempotencyKeyLength);
        entity.Property(x => x.RequestHash).HasMaxLength(64);
        entity.Property(x => x.AuthorisationCode).HasMaxLength(128);
        entity.Property(x => x.PassengerKey).HasMaxLength(128);
        entity.Property(x => x.PassengerName).HasMaxLength(64);
        entity.Property(x => x.PassengerIdMasked).HasMaxLength(32);
        entity.Property(x => x.Car).HasMaxLength(8);
        entity.Property(x => x.Seat).HasMaxLength(8);
        entity.Property(x => x.TicketNumber).HasMaxLength(32);
        entity.Property(x => x.FailureReason).HasMaxLength(64);
        entity.Property(x => x.FailureDetail).HasMaxLength(512);

        entity.Property(x => x.CreatedAt).HasUtcDateTimeConversion();
        entity.Property(x => x.UpdatedAt).HasUtcDateTimeConversion();
        entity.Property(x => x.DepartsAt).HasUtcDateTimeConversion();

        entity.HasIndex(x => new { x.MemberId, x.CreatedAt });
        entity.HasIndex(x => new { x.CurrentState, x.CreatedAt });
        entity.HasIndex(x => x.CreatedAt);
    }
}
