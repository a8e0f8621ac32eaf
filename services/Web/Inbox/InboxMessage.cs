namespace Changxing.Web.Inbox;

/// <summary>The inbox (<c>GET /api/membership/notifications</c>): bilingual messages, newest first.</summary>
public sealed record InboxMessages(int UnreadCount, IReadOnlyList<InboxMessage> Items);

public sealed record InboxMessage(Guid Id, string Kind, string TitleZh, string TitleEn, string BodyZh, string BodyEn, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
