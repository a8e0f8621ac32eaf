namespace Changxing.Membership.Notifications;

/// <summary>Configuration section <c>Notifications</c> (environment: <c>Notifications__StreamHeartbeat</c>).</summary>
public sealed class NotificationStreamOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// How often an idle event stream sends a <c>: keep-alive</c> comment. It must stay below the gateway's
    /// <c>HttpRequest.ActivityTimeout</c> for the membership cluster (30 s), which cuts a response that sends nothing for that long.
    /// </summary>
    public TimeSpan StreamHeartbeat { get; set; } = TimeSpan.FromSeconds(15);
}
