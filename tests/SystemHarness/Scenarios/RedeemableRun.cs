namespace Changxing.SystemHarness.Scenarios;

/// <summary>A run (train and date) whose seat class shows "兑" from Beijing South to Shanghai Hongqiao, and its price in points.</summary>
public sealed record RedeemableRun(string Train, DateOnly Date, long Points);
