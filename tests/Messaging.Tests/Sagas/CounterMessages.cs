using MassTransit;

namespace Changxing.Messaging.Tests.Sagas;

// The test saga's messages: small flat records, like the services' contracts.

public sealed record StartCounter(Guid CorrelationId, string Label, bool CompleteAtOnce = false) : CorrelatedBy<Guid>;

/// <summary>Initiates with MassTransit's insert-on-initial: the row is written before the saga runs.</summary>
public sealed record StartCounterEagerly(Guid CorrelationId, string Label, bool CompleteAtOnce = false) : CorrelatedBy<Guid>;

/// <summary>The activity throws while the retry attempt is below <paramref name="FailingAttempts"/> (0 = never).</summary>
public sealed record IncrementCounter(Guid CorrelationId, int FailingAttempts = 0) : CorrelatedBy<Guid>;

public sealed record CounterChanged(Guid CorrelationId, int Count) : CorrelatedBy<Guid>;

public sealed record AdvanceCounter(Guid CorrelationId) : CorrelatedBy<Guid>;
