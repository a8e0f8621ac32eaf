namespace Changxing.Contracts;

/// <summary>How a ticket was paid. Tickets paid with points earn no points.</summary>
public static class PaymentMethod
{
    public const string Money = nameof(Money);
    public const string Points = nameof(Points);
}
