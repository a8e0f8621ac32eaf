using System.Data;

namespace Changxing.ServiceDefaults.Sagas;

/// <summary>Per saga type: the isolation level of its transactions (SQLite always uses BEGIN IMMEDIATE).</summary>
public sealed record EntityFrameworkSagaRepositoryOptions<TSaga>(IsolationLevel IsolationLevel);
