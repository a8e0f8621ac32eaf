using System.Diagnostics.CodeAnalysis;

namespace Changxing.ServiceDefaults.Outcomes;

/// <summary>
/// What a domain operation answers: the value it produced, or a refusal with a reason code (the contracts'
/// <c>ReasonCodes</c> or a service's own) and a sentence for people. The one way the services write "success or a
/// reason"; the HTTP and message layers turn a refusal into a problem response or a rejected event with that reason.
/// </summary>
public sealed record Outcome<T>
{
    private Outcome(bool succeeded, T? value, string? reason, string? detail)
    {
        Succeeded = succeeded;
        Value = value;
        Reason = reason;
        Detail = detail;
    }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Reason), nameof(Detail))]
    public bool Succeeded { get; }

    /// <summary>The result; default when refused.</summary>
    public T? Value { get; }

    /// <summary>The reason code; null on success.</summary>
    public string? Reason { get; }

    /// <summary>Why, in words; null on success.</summary>
    public string? Detail { get; }

    public static Outcome<T> Success(T value) => new(true, value, null, null);

    public static Outcome<T> Rejected(string reason, string detail) => new(false, default, reason, detail);

    /// <summary>This refusal, unchanged, as the outcome of an operation that produces something else.</summary>
    public Outcome<TOther> AsRejection<TOther>() =>
        Succeeded
            ? throw new InvalidOperationException("A successful outcome is not a refusal.")
            : Outcome<TOther>.Rejected(Reason, Detail);
}
