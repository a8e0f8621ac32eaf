using Changxing.ServiceDefaults.Outcomes;
using Changxing.Ticketing.Tickets;

namespace Changxing.Ticketing.Tests.Redemptions;

/// <summary>
/// Plays Ticketing's inventory for the saga's specs: issues ticket E123456789 in car 05 seat 12F unless told to refuse.
/// The real issuer (<see cref="TicketOffice"/>) is tested on a database in the seat and ticket tests.
/// </summary>
public sealed class ScriptedTicketIssuer : IRedemptionTicketIssuer
{
    private (string Reason, string Detail)? _refusal;

    public int Calls { get; private set; }

    public void Refuse(string reason, string detail = "no seat") => _refusal = (reason, detail);

    public Task<Outcome<Ticket>> IssueForRedemptionAsync(RedemptionTicketRequest request, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(_refusal is { } refusal
            ? Outcome<Ticket>.Rejected(refusal.Reason, refusal.Detail)
            : Outcome<Ticket>.Success(new Ticket
            {
                TicketNumber = "E123456789",
                HoldId = Guid.NewGuid(),
                RedemptionId = request.RedemptionId,
                MemberId = request.MemberId,
                PassengerName = request.PassengerName,
                PassengerIdMasked = request.PassengerIdMasked,
                TrainNumber = request.TrainNumber,
                TravelDate = request.TravelDate,
                FromStation = request.FromStation,
                ToStation = request.ToStation,
                DepartsAt = new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero),
                ArrivesAt = new DateTimeOffset(2026, 3, 20, 4, 30, 0, TimeSpan.Zero),
                SeatClass = request.SeatClass,
                Car = "05",
                Seat = "12F",
                Fare = 553m,
                PaymentMethod = Contracts.PaymentMethod.Points,
                PointsPaid = request.PointsPaid,
                IssuedAt = DateTimeOffset.UtcNow,
            }));
    }
}
