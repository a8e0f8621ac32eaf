namespace Changxing.Bench.Search;

/// <summary>One round: requests per second and errors straight to Ticketing, then through the gateway.</summary>
public sealed record SearchRound(double DirectPerSecond, long DirectErrors, double GatewayPerSecond, long GatewayErrors);
