using Changxing.Contracts;
using Changxing.Contracts.Ticketing;
using Changxing.Points.Accrual;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using MassTransit;
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
            .ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest)
            .ProducesProblemReasons(StatusCodes.Status409Conflict, ReasonCodes.AlreadyCredited)
            .ProducesProblemReasons(StatusCodes.Status422UnprocessableEntity, ReasonCodes.MemberNotActive, ReasonCodes.InvalidRequest, ReasonCodes.TripNotYetDeparted, ReasonCodes.BackRegistrationTooLate);
        return app;
    }

    private static async Task<Results<Created<BackRegistrationResponse>, ProblemHttpResult>> RegisterAsync(
        BackRegistrationRequest request, TicketAccrual accrual, IPublishEndpoint publish, CancellationToken ct)
    {
        var ticketNumber = TicketNumberFormat.Normalise(request.TicketNumber);
        if (ticketNumber is null || request.MemberId == Guid.Empty || !FacePrice.IsPlausible(request.FacePrice))
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest, $"ticketNumber (a letter and 9 to 15 digits, e.g. E291536511), memberId and a facePrice from 0 to {FacePrice.MaximumYuan:0} yuan are required.");
        }

        var paymentMethod = request.PaymentMethod ?? PaymentMethod.Money;
        if (paymentMethod is not (PaymentMethod.Money or PaymentMethod.Points))
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest, $"paymentMethod must be {PaymentMethod.Money} or {PaymentMethod.Points}.");
        }

        var ticket = new TripTicket(ticketNumber, request.MemberId, request.FacePrice, request.DepartureDate, paymentMethod);
        var outcome = await accrual.BackRegisterAsync(ticket, ct);
        switch (outcome.Status)
        {
            case TicketCreditStatus.MemberUnknown:
                return ProblemResults.Unprocessable(ReasonCodes.MemberNotActive, "The member is not an active points member.");
            case TicketCreditStatus.AlreadyCredited:
                return ProblemResults.Conflict(ReasonCodes.AlreadyCredited, $"Ticket {ticket.TicketNumber} has already been credited.");
            case TicketCreditStatus.PaidWithPoints:
                return ProblemResults.Unprocessable(ReasonCodes.InvalidRequest, "Tickets paid with points earn no points.");
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
        if (credited is not null)
        {
            await publish.Publish(credited, ct);
        }

        var response = new BackRegistrationResponse(ticket.TicketNumber, ticket.MemberId, credited?.LotId, credited?.Points ?? 0, credited?.ExpiresOn, credited?.LifetimeCredited ?? 0);
        return TypedResults.Created($"/api/points/members/{ticket.MemberId}/statement", response);
    }
}
