using MassTransit;

namespace Changxing.ServiceDefaults.Tests.Sagas;

public sealed record SubmitReservation(Guid CorrelationId) : CorrelatedBy<Guid>;

public sealed record ReserveSeat(Guid CorrelationId, int Attempt) : CorrelatedBy<Guid>;

public sealed record SeatReserved(Guid CorrelationId) : CorrelatedBy<Guid>;
