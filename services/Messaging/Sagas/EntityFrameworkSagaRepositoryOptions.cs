using System.Data;

namespace Changxing.Messaging.Sagas;

/// <summary>Per saga type: the isolation level of its transactions (SQLite always uses BEGIN IMMEDIATE).</summary>
public sealed record EntityFrameworkSagaRepositoryOptions<TSaga>(IsolationLevel IsolationLevel);
