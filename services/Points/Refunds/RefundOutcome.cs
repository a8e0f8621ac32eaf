using Changxing.Contracts.Points;

namespace Changxing.Points.Refunds;

public sealed record RefundOutcome(RefundStatus Status, PointsCredited? Credited = null);
