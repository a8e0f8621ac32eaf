using System.Collections.Concurrent;
using Changxing.Contracts;
using Changxing.Contracts.Ticketing;

namespace Changxing.Points.Tests;

/// <summary>
/// Ticketing as Points meets it on the bus: the tickets a test "sold" (their facts), answered by
/// <see cref="FakeTicketFactsConsumer"/> over MassTransit's in-memory harness, and tickets it keeps silent about (no answer).
/// </summary>
public sealed class FakeTicketing
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private readonly ConcurrentDictionary<string, TicketFacts> _tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _silent = new(StringComparer.Ordinal);

    /// <summary>A ticket of <paramref name="memberId"/> departing at 10:00 Beijing time on <paramref name="departureDate"/> (unless <paramref name="departsAt"/>).</summary>
    public TicketFacts Sell(
        Guid memberId, decimal facePrice, DateOnly departureDate, string paymentMethod = PaymentMethod.Money, string status = TicketFactStatus.Issued, DateTimeOffset? departsAt = null)
    {
        var facts = new TicketFacts(
            PointsApiFactory.NewTicketNumber(),
            memberId,
            paymentMethod,
            facePrice,
            departureDate,
            departsAt ?? new DateTimeOffset(departureDate.ToDateTime(new TimeOnly(10, 0)), ChinaStandardTime).ToUniversalTime(),
            status);
        _tickets[facts.TicketNumber] = facts;
        return facts;
    }

    /// <summary>A ticket number Ticketing never answers about, as when it is down or too slow.</summary>
    public string Silent()
    {
        var number = PointsApiFactory.NewTicketNumber();
        _silent[number] = true;
        return number;
    }

    public bool IsSilent(string ticketNumber) => _silent.ContainsKey(ticketNumber);

    public TicketFacts? Find(string ticketNumber) => _tickets.GetValueOrDefault(ticketNumber);
}
