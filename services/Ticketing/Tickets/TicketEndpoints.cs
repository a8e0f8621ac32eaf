using Changxing.Contracts;
using Changxing.Contracts.Ticketing;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using Changxing.Ticketing.Data;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Tickets;

public static class TicketEndpoints
{
    public static IEndpointRouteBuilder MapTicketEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ticketing/tickets").WithTags("Tickets");
        group.MapGet("/", Mine).RequireAuthorization().WithSummary("List the caller's tickets");
        group.MapGet("/{number}", Get).RequireAuthorization().WithSummary("Read one of the caller's tickets").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        group.MapPost("/", Sell).RequireAuthorization(Roles.Operator).WithSummary("Sell a ticket paid with money").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest, ReasonCodes.UnknownTrain).ProducesProblemReasons(StatusCodes.Status409Conflict, ReasonCodes.PassengerAlreadyHasTicket, ReasonCodes.SoldOut);
        group.MapPost("/{number}/trip-completed", CompleteTrip).RequireAuthorization(Roles.Operator).WithSummary("Mark a ticket's trip completed (it then earns points)").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound).ProducesProblemReasons(StatusCodes.Status409Conflict, ReasonCodes.Conflict, ReasonCodes.TripNotYetDeparted);
        return app;
    }

    private static async Task<Ok<List<TicketView>>> Mine(HttpContext http, TicketingDbContext db, CancellationToken cancellationToken)
    {
        var member = http.User.MemberId();
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.MemberId == member).ToListAsync(cancellationToken);
        return TypedResults.Ok(tickets.OrderByDescending(t => t.DepartsAt.UtcTicks).Select(TicketView.Of).ToList());
    }

    /// <summary>A member sees their own tickets only (another member's answers 404); operators see any.</summary>
    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> Get(string number, HttpContext http, TicketingDbContext db, CancellationToken cancellationToken)
    {
        var normal = TicketNumberFormat.Normalise(number);
        var ticket = normal is null ? null : await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.TicketNumber == normal, cancellationToken);
        if (ticket is null || (ticket.MemberId != http.User.MemberId() && !http.User.IsInRole(Roles.Operator)))
        {
            return ProblemResults.NotFound($"There is no ticket {number}.");
        }

        return TypedResults.Ok(TicketView.Of(ticket));
    }

    private static async Task<Results<Created<TicketView>, ProblemHttpResult>> Sell(SaleRequest sale, TicketOffice office, CancellationToken cancellationToken)
    {
        if (sale.MemberId == Guid.Empty || string.IsNullOrWhiteSpace(sale.PassengerKey) || string.IsNullOrWhiteSpace(sale.PassengerName)
            || string.IsNullOrWhiteSpace(sale.TrainNumber) || string.IsNullOrWhiteSpace(sale.SeatClass)
            || string.IsNullOrWhiteSpace(sale.FromStation) || string.IsNullOrWhiteSpace(sale.ToStation))
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest, "memberId, passengerKey, passengerName, trainNumber, travelDate, fromStation, toStation and seatClass are required.");
        }

        if (!await office.KnowsMemberAsync(sale.MemberId, cancellationToken))
        {
            return ProblemResults.BadRequest(ReasonCodes.MemberNotActive, $"Member {sale.MemberId} is not an active member: a window sale names an activated member.");
        }

        var outcome = await office.SellAsync(
            sale with
            {
                PassengerIdMasked = sale.PassengerIdMasked ?? string.Empty,
                TrainNumber = sale.TrainNumber.ToUpperInvariant(),
                FromStation = sale.FromStation.ToUpperInvariant(),
                ToStation = sale.ToStation.ToUpperInvariant(),
            },
            cancellationToken);
        if (outcome.Value is { } ticket)
        {
            return TypedResults.Created($"/api/ticketing/tickets/{ticket.TicketNumber}", TicketView.Of(ticket));
        }

        return outcome.Reason is ReasonCodes.UnknownTrain or ReasonCodes.InvalidRequest
            ? ProblemResults.BadRequest(outcome.Reason, outcome.Detail!)
            : ProblemResults.Conflict(outcome.Reason!, outcome.Detail!);
    }

    /// <summary>
    /// Stands in for the ticket gates: the trip is done; money-paid tickets publish TripCompleted for Points. Refused
    /// (409 TripNotYetDeparted) before the ticket's departure.
    /// </summary>
    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> CompleteTrip(
        string number, TicketOffice office, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        if (TicketNumberFormat.Normalise(number) is not { } normal)
        {
            return ProblemResults.NotFound($"There is no ticket {number}.");
        }

        var outcome = await office.CompleteTripAsync(normal, publisher, cancellationToken);
        if (outcome.Value is { } ticket)
        {
            return TypedResults.Ok(TicketView.Of(ticket));
        }

        return outcome.Reason == ReasonCodes.NotFound
            ? ProblemResults.NotFound(outcome.Detail!)
            : ProblemResults.Conflict(outcome.Reason!, outcome.Detail!);
    }
}
