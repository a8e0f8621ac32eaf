using System.Diagnostics.CodeAnalysis;

namespace Changxing.Web.Gateway;

/// <summary>An API answer: the value when it succeeded, otherwise the problem to show next to the form.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null && Value is not null;
}
