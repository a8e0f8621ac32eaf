using MassTransit;

namespace Changxing.Messaging.Tests.Sagas;

public sealed record SubmitReservation(Guid CorrelationId) : CorrelatedBy<Guid>;

public sealed record ReserveSeat(Guid CorrelationId, int Attempt) : CorrelatedBy<Guid>;

public sealed record SeatReserved(Guid CorrelationId) : CorrelatedBy<Guid>;
