namespace Changxing.Bench.Search;

/// <summary>
/// One round: requests per second and errors straight to Ticketing, then through the gateway. Errors are non-2xx
/// answers and requests without an answer, counted by status code ("429") or "no answer".
/// </summary>
public sealed record SearchRound(
    double DirectPerSecond,
    long DirectErrors,
    double GatewayPerSecond,
    long GatewayErrors,
    IReadOnlyDictionary<string, long> DirectErrorsByAnswer,
    IReadOnlyDictionary<string, long> GatewayErrorsByAnswer);
