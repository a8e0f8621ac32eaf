namespace Changxing.SystemHarness.Scenarios;

/// <summary>
/// A run (train and date) whose seat class shows "兑" from Beijing South to Shanghai Hongqiao, its price in points, and
/// the seats of that class left for the whole way when it was found.
/// </summary>
public sealed record RedeemableRun(string Train, DateOnly Date, long Points, int SeatsLeft);
