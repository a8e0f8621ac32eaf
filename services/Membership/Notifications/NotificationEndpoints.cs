using System.Runtime.CompilerServices;
using Changxing.Membership.Data;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var items = await (unreadOnly == true ? mine.Where(n => n.ReadAt == null) : mine)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(new NotificationPage(unread, items.Select(NotificationView.Of).ToList()));
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

    /// <summary>text/event-stream: one <c>notification</c> event (JSON) per new message while the connection stays open.</summary>
    internal static ServerSentEventsResult<NotificationView> Stream(HttpContext http, NotificationStream stream) =>
        TypedResults.ServerSentEvents(Follow(stream, http.User.MemberId(), http.RequestAborted), "notification");

    private static async IAsyncEnumerable<NotificationView> Follow(NotificationStream stream, Guid memberId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = stream.Subscribe(memberId);

        // A disconnect cancels the wait; ending the loop (instead of throwing) closes the stream quietly.
        while (await subscription.Reader.WaitToReadAsync(cancellationToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            while (subscription.Reader.TryRead(out var notification))
            {
                yield return notification;
            }
        }
    }
}

public sealed record NotificationPage(int UnreadCount, IReadOnlyList<NotificationView> Items);

public sealed record MarkedRead(int Marked);
