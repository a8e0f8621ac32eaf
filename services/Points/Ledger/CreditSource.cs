namespace Changxing.Points.Ledger;

/// <summary>Where a lot's points came from; the values travel in <c>PointsCredited.Source</c>.</summary>
public static class CreditSource
{
    public const string Trip = nameof(Trip);
    public const string BackRegistration = nameof(BackRegistration);
    public const string Refund = nameof(Refund);
}
