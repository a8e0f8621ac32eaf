namespace Changxing.SystemHarness.Load;

/// <summary>A load step as it runs: redemptions started (or found no idle member), still unfinished, completed and failed so far.</summary>
public sealed record LoadProgress(TimeSpan Elapsed, int Started, int InFlight, int Completed, int Failed);
