using Changxing.Contracts;
using Changxing.Contracts.Ticketing;
using Changxing.Points.Accrual;
using Changxing.Points.Ledger;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Changxing.Points.BackRegistration;

public static class BackRegistrationEndpoints
{
    public static IEndpointRouteBuilder MapBackRegistrationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/points/back-registrations", RegisterAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Back-registration")
            .WithSummary("Back-register (补登) a completed trip's points for a member")
            .WithDescription("The body names the ticket and the member: {ticketNumber, memberId}. Points asks Ticketing, which owns tickets, for the ticket's facts and credits from them; a facePrice, departureDate or paymentMethod in the body is not read.")
            .ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest)
            .ProducesProblemReasons(StatusCodes.Status409Conflict, ReasonCodes.AlreadyCredited)
            .ProducesProblemReasons(
                StatusCodes.Status422UnprocessableEntity,
                ReasonCodes.MemberNotActive,
                ReasonCodes.TicketUnknown,
                ReasonCodes.TicketOfAnotherMember,
                ReasonCodes.TicketVoided,
                ReasonCodes.TicketPaidWithPoints,
                ReasonCodes.TripNotYetDeparted,
                ReasonCodes.BackRegistrationTooLate)
            .ProducesProblemReasons(StatusCodes.Status503ServiceUnavailable, ReasonCodes.DownstreamUnavailable);
        return app;
    }

    private static async Task<Results<Created<BackRegistrationResponse>, ProblemHttpResult>> RegisterAsync(
        BackRegistrationRequest request, TicketFactsLookup ticketing, TicketAccrual accrual, BusinessCalendar calendar, CancellationToken ct)
    {
        var ticketNumber = TicketNumberFormat.Normalise(request.TicketNumber);
        if (ticketNumber is null || request.MemberId == Guid.Empty)
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest, "ticketNumber (a letter and 9 to 15 digits, e.g. E291536511) and memberId are required.");
        }

        var answer = await ticketing.AskAsync(ticketNumber, ct);
        if (answer.Unavailable)
        {
            return ProblemResults.Problem(StatusCodes.Status503ServiceUnavailable, ReasonCodes.DownstreamUnavailable, "Ticketing did not answer in time with the ticket's facts; nothing was credited, try again.");
        }

        if (answer.Facts is not { } facts)
        {
            return ProblemResults.Unprocessable(ReasonCodes.TicketUnknown, $"Ticketing knows no ticket {ticketNumber}.");
        }

        if (facts.MemberId != request.MemberId)
        {
            return ProblemResults.Unprocessable(ReasonCodes.TicketOfAnotherMember, $"Ticket {ticketNumber} is not this member's: its points go to the member it was sold to.");
        }

        if (facts.Status == TicketFactStatus.Voided)
        {
            return ProblemResults.Unprocessable(ReasonCodes.TicketVoided, $"Ticket {ticketNumber} was voided (refunded): there was no trip to credit.");
        }

        if (facts.PaymentMethod != PaymentMethod.Money)
        {
            return ProblemResults.Unprocessable(ReasonCodes.TicketPaidWithPoints, "Tickets paid with points earn no points.");
        }

        if (calendar.Now < facts.DepartsAt)
        {
            return ProblemResults.Unprocessable(ReasonCodes.TripNotYetDeparted, $"The trip departs at {facts.DepartsAt:u}: it has not departed yet.");
        }

        var ticket = new TripTicket(facts.TicketNumber, facts.MemberId, facts.FacePrice, facts.DepartureDate, facts.PaymentMethod);
        var outcome = await accrual.BackRegisterAsync(ticket, ct);
        switch (outcome.Status)
        {
            case TicketCreditStatus.MemberUnknown:
                return ProblemResults.Unprocessable(ReasonCodes.MemberNotActive, "The member is not an active points member.");
            case TicketCreditStatus.AlreadyCredited:
                return ProblemResults.Conflict(ReasonCodes.AlreadyCredited, $"Ticket {ticket.TicketNumber} has already been credited.");
            case TicketCreditStatus.PaidWithPoints:
                return ProblemResults.Unprocessable(ReasonCodes.TicketPaidWithPoints, "Tickets paid with points earn no points.");
            case TicketCreditStatus.NotYetDeparted:
                return ProblemResults.Unprocessable(ReasonCodes.TripNotYetDeparted, "The trip has not departed yet.");
            case TicketCreditStatus.TooLate:
                return ProblemResults.Unprocessable(
                    ReasonCodes.BackRegistrationTooLate,
                    $"补登 is possible up to day {BackRegistrationWindow.LastDay}, the departure day counted as day 1; today is day {outcome.DaysAfterDeparture + 1} of this trip.",
                    new Dictionary<string, object?>
                    {
                        ["daysAfterDeparture"] = outcome.DaysAfterDeparture,
                        ["dayOfWindow"] = outcome.DaysAfterDeparture + 1,
                        ["maximumDays"] = BackRegistrationWindow.LastDay,
                    });
        }

        var credited = outcome.Credited;
        var response = new BackRegistrationResponse(ticket.TicketNumber, ticket.MemberId, credited?.LotId, credited?.Points ?? 0, credited?.ExpiresOn, credited?.LifetimeCredited ?? 0);
        return TypedResults.Created($"/api/points/members/{ticket.MemberId}/statement", response);
    }
}
