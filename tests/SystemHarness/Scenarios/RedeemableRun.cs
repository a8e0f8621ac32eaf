namespace Changxing.SystemHarness.Scenarios;

/// <summary>
/// A run (train and date) whose seat class shows "兑" from <see cref="From"/> to <see cref="To"/>, its price in points,
/// and the seats of that class left for that leg when it was found.
/// </summary>
public sealed record RedeemableRun(string Train, DateOnly Date, long Points, int SeatsLeft, string From = "VNP", string To = "AOH");
