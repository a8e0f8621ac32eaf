using System.Collections.Concurrent;

namespace Changxing.Messaging.Data;

/// <summary>
/// One <see cref="InProcessGate"/> per key (a database file, a train run), created on first use and kept for the
/// process's lifetime: the keys are few and long-lived, and a gate dropped while someone waits on it would let a
/// second writer in.
/// </summary>
public sealed class InProcessGates<TKey>(IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, InProcessGate> _gates = new(comparer);

    public InProcessGate For(TKey key) => _gates.GetOrAdd(key, _ => new InProcessGate());
}
