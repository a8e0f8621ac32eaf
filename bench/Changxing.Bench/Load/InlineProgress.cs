namespace Changxing.Bench.Load;

/// <summary>
/// Reports on the caller's thread, in order (System.Progress posts to the thread pool, so a late report could
/// overwrite a newer one on the live display).
/// </summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
