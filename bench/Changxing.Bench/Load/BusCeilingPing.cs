namespace Changxing.Bench.Load;

/// <summary>A bus ceiling message; <see cref="SentAt"/> is a Stopwatch timestamp taken before publishing.</summary>
public sealed record BusCeilingPing(long SentAt);
