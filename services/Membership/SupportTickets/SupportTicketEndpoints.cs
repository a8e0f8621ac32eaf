using Changxing.Contracts;
using Changxing.Membership.Data;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.SupportTickets;

/// <summary>A member's own support tickets (我的工单).</summary>
public static class SupportTicketEndpoints
{
    public static IEndpointRouteBuilder MapSupportTicketEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/membership/support-tickets").WithTags("Support tickets").RequireAuthorization(p => p.RequireRole(Roles.Member));
        group.MapGet("/", List).WithSummary("List the caller's support tickets");
        group.MapGet("/{id:guid}", Get).WithSummary("Read one of the caller's support tickets").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        return app;
    }

    internal static async Task<Ok<List<SupportTicketView>>> List(HttpContext http, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var memberId = http.User.MemberId();
        var tickets = await db.SupportTickets.AsNoTracking().Include(t => t.Failures).Where(t => t.MemberId == memberId)
            .OrderByDescending(t => t.OpenedAt).Take(100).ToListAsync(cancellationToken);
        return TypedResults.Ok(tickets.Select(SupportTicketView.Of).ToList());
    }

    internal static async Task<Results<Ok<SupportTicketView>, ProblemHttpResult>> Get(Guid id, HttpContext http, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var memberId = http.User.MemberId();
        var ticket = await db.SupportTickets.AsNoTracking().Include(t => t.Failures).SingleOrDefaultAsync(t => t.Id == id && t.MemberId == memberId, cancellationToken);
        return ticket is null ? ProblemResults.NotFound($"No support ticket {id}.") : TypedResults.Ok(SupportTicketView.Of(ticket));
    }
}
