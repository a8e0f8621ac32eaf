using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Membership.Data;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.SupportTickets;

/// <summary>Support staff (客服) list, read and resolve every member's tickets; resolving publishes <see cref="SupportTicketResolved"/>.</summary>
public static class SupportDeskEndpoints
{
    public static IEndpointRouteBuilder MapSupportDeskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/membership/support/tickets").WithTags("Support desk").RequireAuthorization(Roles.Support);
        group.MapGet("/", List).WithSummary("List support tickets, by status or member").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest);
        group.MapGet("/{id:guid}", Get).WithSummary("Read a support ticket").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        group.MapPost("/{id:guid}/resolve", Resolve).WithSummary("Resolve a support ticket, describing the resolution").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest).ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound).ProducesProblemReasons(StatusCodes.Status409Conflict, MembershipReasonCodes.NotPending);
        return app;
    }

    internal static async Task<Ok<List<SupportTicketView>>> List(MembershipDbContext db, SupportTicketStatus? status, Guid? memberId, CancellationToken cancellationToken)
    {
        var query = db.SupportTickets.AsNoTracking().Include(t => t.Failures).AsQueryable();
        if (status is { } s)
        {
            query = query.Where(t => t.Status == s);
        }

        if (memberId is { } m)
        {
            query = query.Where(t => t.MemberId == m);
        }

        var tickets = await query.OrderBy(t => t.OpenedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(tickets.Select(SupportTicketView.Of).ToList());
    }

    internal static async Task<Results<Ok<SupportTicketView>, ProblemHttpResult>> Get(Guid id, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var ticket = await db.SupportTickets.AsNoTracking().Include(t => t.Failures).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        return ticket is null ? ProblemResults.NotFound($"No support ticket {id}.") : TypedResults.Ok(SupportTicketView.Of(ticket));
    }

    internal static async Task<Results<Ok<SupportTicketView>, ProblemHttpResult>> Resolve(
        Guid id, ResolveTicketRequest request, HttpContext http, MembershipDbContext db, IPublishEndpoint publisher, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Resolution) || request.Resolution.Length > 1000)
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest, "Describe the resolution in at most 1000 characters (请填写处理结果).");
        }

        var ticket = await db.SupportTickets.Include(t => t.Failures).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null)
        {
            return ProblemResults.NotFound($"No support ticket {id}.");
        }

        try
        {
            ticket.Resolve(http.User.MemberId(), request.Resolution.Trim(), clock.GetUtcNow());
        }
        catch (StateConflictException e)
        {
            return ProblemResults.Conflict(MembershipReasonCodes.NotPending, e.Message);
        }

        // Published before the save: the outbox stores the event with the resolution.
        await publisher.Publish(new SupportTicketResolved(ticket.MemberId, ticket.Id, ticket.Number, ticket.ResolvedAt!.Value), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(SupportTicketView.Of(ticket));
    }
}

public sealed record ResolveTicketRequest(string? Resolution);
