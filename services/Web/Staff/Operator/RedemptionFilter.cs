namespace Changxing.Web.Staff.Operator;

/// <summary>The operator's filters on every member's redemptions (state, member, creation day, stuck), as query parameters.</summary>
public sealed record RedemptionFilter(string? State, Guid? MemberId, DateOnly? Day, bool Stuck)
{
    public string ToQuery() => string.Join('&', new[]
    {
        string.IsNullOrEmpty(State) ? null : $"state={Uri.EscapeDataString(State)}",
        MemberId is { } member ? $"memberId={member}" : null,
        Day is { } day ? $"from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}" : null,
        Stuck ? "stuck=true" : null,
        "page=1&pageSize=100",
    }.Where(p => p is not null));
}
