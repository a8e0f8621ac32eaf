namespace Changxing.Bench.Search;

/// <summary>Search straight to Ticketing versus through the gateway: every round, both medians and gateway / direct.</summary>
public sealed record SearchComparison(int Concurrency, double RoundSeconds, IReadOnlyList<SearchRound> Rounds, double MedianDirect, double MedianGateway, double Ratio);
