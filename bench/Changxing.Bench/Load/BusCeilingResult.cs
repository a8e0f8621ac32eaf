using Changxing.SystemHarness.Load;

namespace Changxing.Bench.Load;

/// <summary>What <see cref="BusCeiling"/> measured: messages published and consumed per second, and publish→consume latency (ms).</summary>
public sealed record BusCeilingResult(int Publishers, double Seconds, double PublishedPerSecond, double ConsumedPerSecond, LatencySummary LatencyMs);
