namespace Changxing.Points.Ledger;

/// <summary>One page of a member's statement, newest line first.</summary>
public sealed record StatementPage(int Page, int PageSize, int TotalCount, IReadOnlyList<StatementLine> Items)
{
    public const int DefaultPageSize = 20;
    public const int MaximumPageSize = 100;
}
