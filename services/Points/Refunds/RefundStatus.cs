namespace Changxing.Points.Refunds;

public enum RefundStatus
{
    Refunded,
    HoldNotFound,
    NotCaptured,
    AlreadyRefunded,
}
