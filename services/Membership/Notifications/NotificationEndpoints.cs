using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Changxing.Membership.Data;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Features;
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
        group.MapGet("/", List);
        group.MapGet("/stream", Stream);
        group.MapPost("/{id:guid}/read", MarkRead);
        group.MapPost("/read-all", MarkAllRead);
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
    /// text/event-stream: one <c>notification</c> event (JSON) per new message while the connection stays open.
    /// The stream opens with a comment line: a proxy (the gateway's YARP among them) sends the response headers on with
    /// the first body bytes, so headers alone left a client behind the gateway waiting until the first message.
    /// </summary>
    internal static async Task Stream(HttpContext http, NotificationStream stream, IOptions<JsonOptions> json)
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
            await http.Response.WriteAsync(": open\n\n", aborted);
            await http.Response.Body.FlushAsync(aborted);
            await SseFormatter.WriteAsync(Follow(stream, memberId, json.Value.SerializerOptions, aborted), http.Response.Body, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The member closed the stream.
        }
    }

    private static async IAsyncEnumerable<SseItem<string>> Follow(
        NotificationStream stream, Guid memberId, JsonSerializerOptions json, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = stream.Subscribe(memberId);
        await foreach (var notification in subscription.Reader.ReadAllAsync(cancellationToken))
        {
            yield return new SseItem<string>(JsonSerializer.Serialize(notification, json), "notification") { EventId = notification.Id.ToString() };
        }
    }
}

public sealed record NotificationPage(int UnreadCount, IReadOnlyList<NotificationView> Items);

public sealed record MarkedRead(int Marked);
