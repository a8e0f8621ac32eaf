using MassTransit;

namespace Changxing.Messaging.Sagas;

/// <summary>
/// Sent by the sweeper when a saga's step is overdue. Generic in the saga so only that saga's endpoint receives it.
/// <see cref="Step"/> and <see cref="Attempt"/> name the deadline that expired: a saga applies it only while they
/// still match its current deadline (<see cref="StepDeadlineActivities.IsCurrentDeadline{TSaga}"/>), which makes a
/// duplicate harmless.
/// </summary>
public sealed record StepDeadlineExpired<TSaga>(Guid CorrelationId, string Step, int Attempt, DateTimeOffset DueAt) : CorrelatedBy<Guid>
    where TSaga : class, IStepDeadlineSaga;
