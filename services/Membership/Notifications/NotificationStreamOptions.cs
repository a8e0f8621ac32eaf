using System.ComponentModel.DataAnnotations;

namespace Changxing.Membership.Notifications;

/// <summary>Configuration section <c>Notifications</c> (environment: <c>Notifications__StreamHeartbeat</c>).</summary>
public sealed class NotificationStreamOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// How often an idle event stream sends a <c>: keep-alive</c> comment. It must stay below the gateway's
    /// <c>HttpRequest.ActivityTimeout</c> for the membership cluster (30 s), which cuts a response that sends nothing for that long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:29.999", ParseLimitsInInvariantCulture = true,
        ErrorMessage = $"{Section}:{nameof(StreamHeartbeat)} must be longer than zero and shorter than the gateway's 30 s activity time-out.")]
    public TimeSpan StreamHeartbeat { get; set; } = TimeSpan.FromSeconds(15);
}
