namespace Changxing.SystemHarness.Load;

/// <summary>Where seeding stands: the stage ("runs", "members", "beneficiaries effective") and how much of it is done.</summary>
public sealed record SeedingProgress(string Stage, int Done, int Total);
