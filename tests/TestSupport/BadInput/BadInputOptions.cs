using CsCheck;

namespace Changxing.TestSupport.BadInput;

/// <summary>
/// How many cases per operation, from which seed, and how long an answer may take. <c>BADINPUT_SEED</c> replays a
/// run (the report prints its seed); <c>BADINPUT_CASES</c> sets the cases per operation for a longer hunt.
/// </summary>
public sealed record BadInputOptions(int CasesPerOperation, string Seed, TimeSpan Timeout, bool InProcess)
{
    public static BadInputOptions FromEnvironment(int defaultCasesPerOperation, bool inProcess) => new(
        int.TryParse(Environment.GetEnvironmentVariable("BADINPUT_CASES"), out var cases) ? cases : defaultCasesPerOperation,
        Environment.GetEnvironmentVariable("BADINPUT_SEED") is { Length: > 0 } seed ? seed : new PCG((uint)Random.Shared.Next()).ToString(),
        TimeSpan.FromSeconds(10),
        inProcess);
}
