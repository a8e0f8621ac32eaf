using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Membership.Data;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Changxing.Membership.Notifications;

/// <summary>The member's inbox: newest first with the unread count, mark read, and a server-sent-event stream of new messages.</summary>
public static class NotificationEndpoints
{
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/membership/notifications").WithTags("Notifications").RequireAuthorization(p => p.RequireRole(Roles.Member));
        group.MapGet("/", List).WithSummary("List the caller's notifications, newest first, with the unread count").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest);
        group.MapGet("/stream", Stream).WithSummary("Stream the caller's new notifications as server-sent events")
            .WithDescription("text/event-stream: a `notification` event (JSON, its id the event id) per new message, a `: keep-alive` comment when idle; a `Last-Event-ID` header first replays the messages stored after that one.")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream");
        group.MapPost("/{id:guid}/read", MarkRead).WithSummary("Mark one notification read").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        group.MapPost("/read-all", MarkAllRead).WithSummary("Mark every notification read");
        return app;
    }

    internal static async Task<Ok<NotificationPage>> List(HttpContext http, MembershipDbContext db, int? limit, bool? unreadOnly, CancellationToken cancellationToken)
    {
        var memberId = http.User.MemberId();
        var take = Math.Clamp(limit ?? 50, 1, MaxPageSize);
        var mine = db.Notifications.AsNoTracking().Where(n => n.MemberId == memberId);

        // One statement, so the unread count and the items come from the same snapshot: two queries let a notification
        // arriving in between show up in the items but not in the count.
        var rows = await (unreadOnly == true ? mine.Where(n => n.ReadAt == null) : mine)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take)
            .Select(n => new { Notification = n, Unread = mine.Count(u => u.ReadAt == null) })
            .ToListAsync(cancellationToken);
        var unread = rows.Count > 0 ? rows[0].Unread : 0;
        return TypedResults.Ok(new NotificationPage(unread, rows.Select(r => NotificationView.Of(r.Notification)).ToList()));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(
        Guid id, HttpContext http, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var memberId = http.User.MemberId();
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.MemberId == memberId, cancellationToken);
        if (notification is null)
        {
            return ProblemResults.NotFound($"No notification {id}.");
        }

        notification.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<MarkedRead>> MarkAllRead(HttpContext http, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var memberId = http.User.MemberId();
        var now = clock.GetUtcNow();
        var marked = await db.Notifications.Where(n => n.MemberId == memberId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.Ok(new MarkedRead(marked));
    }

    /// <summary>
    /// text/event-stream: one <c>notification</c> event (JSON, with the message id as the event id) per new message while
    /// the connection stays open, and a <c>: keep-alive</c> comment every <see cref="NotificationStreamOptions.StreamHeartbeat"/>.
    /// The stream opens with a comment line: a proxy (the gateway's YARP among them) sends the response headers on with
    /// the first body bytes, so headers alone left a client behind the gateway waiting until the first message.
    /// A reconnecting client's <c>Last-Event-ID</c> first gets the member's messages stored after that one.
    /// </summary>
    internal static async Task Stream(
        HttpContext http, NotificationStream stream, MembershipDbContext db, TimeProvider clock,
        IOptions<NotificationStreamOptions> options, IOptions<JsonOptions> json)
    {
        var memberId = http.User.MemberId();
        var aborted = http.RequestAborted;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await http.Response.StartAsync(aborted);
        try
        {
            // Subscribe before reading what was missed, so a message stored in between is not lost.
            using var subscription = stream.Subscribe(memberId);
            var missed = await MissedSinceAsync(db, memberId, http.Request.Headers["Last-Event-ID"], aborted);
            var response = new NotificationStreamResponse(http.Response, options.Value.StreamHeartbeat, clock, json.Value.SerializerOptions);
            await response.WriteAsync(missed, subscription.Reader, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The member closed the stream.
        }
    }

    /// <summary>
    /// The member's messages after the one with id <paramref name="lastEventId"/>, oldest first (the newest
    /// <see cref="MaxPageSize"/>; the list endpoint has the rest). Nothing for an id that is not one of the member's.
    /// Messages stored at the very same instant as the last one seen are sent again: they cannot be told apart from
    /// ones sent before it, and a client recognises them by their id.
    /// </summary>
    private static async Task<IReadOnlyList<NotificationView>> MissedSinceAsync(
        MembershipDbContext db, Guid memberId, string? lastEventId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(lastEventId, out var lastId))
        {
            return [];
        }

        var mine = db.Notifications.AsNoTracking().Where(n => n.MemberId == memberId);
        var last = await mine.Where(n => n.Id == lastId).Select(n => (DateTimeOffset?)n.CreatedAt).SingleOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return [];
        }

        var newest = await mine.Where(n => n.CreatedAt >= last && n.Id != lastId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(MaxPageSize)
            .ToListAsync(cancellationToken);
        return newest.AsEnumerable().Reverse().Select(NotificationView.Of).ToList();
    }
}

public sealed record NotificationPage(int UnreadCount, IReadOnlyList<NotificationView> Items);

public sealed record MarkedRead(int Marked);
