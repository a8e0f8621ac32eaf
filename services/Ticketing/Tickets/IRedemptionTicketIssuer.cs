using Changxing.ServiceDefaults.Outcomes;

namespace Changxing.Ticketing.Tickets;

/// <summary>
/// What the redemption saga asks of Ticketing's own inventory once the points are reserved: take a seat inside the
/// "兑" quota and issue the e-ticket, in the saga's transaction (<see cref="TicketOffice"/>). The saga's specs stand a
/// scripted issuer in its place.
/// </summary>
public interface IRedemptionTicketIssuer
{
    /// <summary>The ticket, or why no seat could be had. A repeat for the same redemption answers the same ticket.</summary>
    Task<Outcome<Ticket>> IssueForRedemptionAsync(RedemptionTicketRequest request, CancellationToken cancellationToken);
}
