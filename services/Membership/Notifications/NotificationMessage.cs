namespace Changxing.Membership.Notifications;

/// <summary>The text of one notification, in Chinese with the English beside it.</summary>
public sealed record NotificationMessage(NotificationKind Kind, string TitleZh, string TitleEn, string BodyZh, string BodyEn);
