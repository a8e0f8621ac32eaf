using Changxing.Contracts;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Changxing.Points.Ledger;

/// <summary>Balance and statement: a member reads their own, an operator anyone's; another member's answers 404.</summary>
public static class BalanceEndpoints
{
    public static IEndpointRouteBuilder MapBalanceEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/points/me").RequireAuthorization().WithTags("Balance");
        me.MapGet("/balance", (HttpContext http, LedgerReader reader, CancellationToken ct) =>
            BalanceAsync(http.User.MemberId(), reader, ct)).WithSummary("Read the caller's points balance: available, held, frozen").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        me.MapGet("/statement", (HttpContext http, LedgerReader reader, int? page, int? pageSize, CancellationToken ct) =>
            StatementAsync(http.User.MemberId(), page, pageSize, reader, ct)).WithSummary("Read the caller's points statement, a page at a time").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest).ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);

        var members = app.MapGroup("/api/points/members/{memberId:guid}").RequireAuthorization().WithTags("Balance");
        members.MapGet("/balance", (Guid memberId, HttpContext http, LedgerReader reader, CancellationToken ct) =>
            MaySee(http, memberId) ? BalanceAsync(memberId, reader, ct) : Task.FromResult(Hidden())).WithSummary("Read a member's points balance (the member or an operator)").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        members.MapGet("/statement", (Guid memberId, HttpContext http, LedgerReader reader, int? page, int? pageSize, CancellationToken ct) =>
            MaySee(http, memberId) ? StatementAsync(memberId, page, pageSize, reader, ct) : Task.FromResult(HiddenStatement())).WithSummary("Read a member's points statement (the member or an operator)").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest).ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        return app;
    }

    private static bool MaySee(HttpContext http, Guid memberId) =>
        http.User.MemberId() == memberId || http.User.IsStaff(Roles.Operator);

    private static async Task<Results<Ok<PointsBalance>, ProblemHttpResult>> BalanceAsync(Guid memberId, LedgerReader reader, CancellationToken ct)
    {
        var balance = await reader.BalanceAsync(memberId, ct);
        return balance is null ? Hidden() : TypedResults.Ok(balance);
    }

    private static async Task<Results<Ok<StatementPage>, ProblemHttpResult>> StatementAsync(Guid memberId, int? page, int? pageSize, LedgerReader reader, CancellationToken ct)
    {
        var p = page ?? 1;
        var size = pageSize ?? StatementPage.DefaultPageSize;
        if (p < 1 || size < 1 || size > StatementPage.MaximumPageSize)
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest, $"page must be 1 or more and pageSize between 1 and {StatementPage.MaximumPageSize}.");
        }

        var statement = await reader.StatementAsync(memberId, p, size, ct);
        return statement is null ? HiddenStatement() : TypedResults.Ok(statement);
    }

    private static Results<Ok<PointsBalance>, ProblemHttpResult> Hidden() => ProblemResults.NotFound("No points account for this member.");

    private static Results<Ok<StatementPage>, ProblemHttpResult> HiddenStatement() => ProblemResults.NotFound("No points account for this member.");
}
