using System.Net;

namespace Changxing.TestSupport.BadInput;

/// <summary>What became of one case: its number (and marker), the answer, and what was wrong with it.</summary>
public sealed record BadInputResult(int Number, BadInputCase Case, string Caller, HttpStatusCode? Status, TimeSpan Elapsed, string? Violation)
{
    public bool Accepted => Status is { } s && (int)s is >= 200 and < 300;

    public bool Refused => Status is { } s && (int)s is >= 400 and < 500;

    public string Describe() => Case.Describe(Number, Caller);
}
