namespace Changxing.Ticketing.Redemptions;

/// <summary>The names of the saga's steps, as stored with their deadlines and shown in timelines.</summary>
public static class RedemptionSteps
{
    public const string Submit = "submit";
    public const string Authorise = "authorise";
    public const string ReservePoints = "reserve-points";
    /// <summary>Steps of earlier versions, still found on their unfinished rows: the seat and ticket now come with ReservePoints' answer.</summary>
    public const string HoldSeat = "hold-seat";
    public const string IssueTicket = "issue-ticket";
    public const string CapturePoints = "capture-points";
    public const string Compensate = "compensate";

    /// <summary>Steps that are part of paying: when they time out, the failure counts as a failed payment.</summary>
    public static bool IsPaymentStep(string? step) => step is Submit or Authorise or ReservePoints or CapturePoints;
}
