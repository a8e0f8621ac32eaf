namespace Changxing.Membership.Notifications;

/// <summary>A message in a member's inbox, in Chinese with the English beside it.</summary>
public sealed class Notification
{
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    /// <summary>What produced it, e.g. <c>RedemptionCompleted:{id}</c>; unique, so a redelivered event adds nothing.</summary>
    public string SourceKey { get; set; } = "";

    public NotificationKind Kind { get; set; }

    public string TitleZh { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public string BodyZh { get; set; } = "";

    public string BodyEn { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
