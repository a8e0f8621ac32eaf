using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Membership.ConsumptionPassword;
using Changxing.Membership.Data;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.PaymentAuthorisations;

/// <summary>
/// The member enters the consumption password and gets a one-time authorisation code for one redemption.
/// A wrong or locked password answers 403 and publishes <see cref="PaymentPasswordRejected"/> (a failed payment for the strike counter).
/// </summary>
public static class PaymentAuthorisationEndpoints
{
    public static IEndpointRouteBuilder MapPaymentAuthorisationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/membership/payment-authorisations", Authorise)
            .WithTags("Payment authorisations")
            .RequireAuthorization(p => p.RequireRole(Roles.Member)).WithSummary("Authorise one redemption payment with the consumption password")
            .WithDescription("Checks the consumption password and issues a one-time authorisation code for POST /api/redemptions; wrong entries count towards a lock.")
            .ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest)
            .ProducesProblemReasons(StatusCodes.Status403Forbidden, ReasonCodes.Forbidden, ReasonCodes.WrongConsumptionPassword, ReasonCodes.ConsumptionPasswordLocked)
            .ProducesProblemReasons(StatusCodes.Status409Conflict, ReasonCodes.ConsumptionPasswordNotSet, MembershipReasonCodes.ConcurrentAttempt);
        return app;
    }

    internal static async Task<Results<Created<PaymentAuthorisationIssued>, ProblemHttpResult>> Authorise(
        PaymentAuthorisationRequest request, HttpContext http, MembershipDbContext db, ConsumptionPasswordHasher hasher, IPublishEndpoint publisher,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var memberId = http.User.MemberId();
        var record = await db.ConsumptionPasswords.SingleOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        if (record is null)
        {
            return ProblemResults.Conflict(ReasonCodes.ConsumptionPasswordNotSet, "Set a consumption password first (请先设置消费密码).");
        }

        var now = clock.GetUtcNow();
        if (record.IsLocked(now))
        {
            await publisher.Publish(new PaymentPasswordRejected(memberId, 0, Locked: true, now), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Locked(record);
        }

        var check = hasher.Verify(record.Hash, request.ConsumptionPassword ?? "");
        if (check == ConsumptionPasswordCheck.Wrong)
        {
            // Published before the save: the outbox stores the event with the failure it reports, or neither.
            record.RecordFailure(now);
            var locked = record.IsLocked(now);
            await publisher.Publish(new PaymentPasswordRejected(memberId, record.AttemptsLeft(now), locked, now), cancellationToken);
            if (!await TrySaveAsync(db, cancellationToken))
            {
                return ConcurrentAttempt();
            }

            return locked
                ? Locked(record)
                : ProblemResults.Problem(StatusCodes.Status403Forbidden, ReasonCodes.WrongConsumptionPassword,
                    $"Wrong consumption password; {record.AttemptsLeft(now)} attempts left (消费密码错误,还可尝试{record.AttemptsLeft(now)}次).",
                    new Dictionary<string, object?> { ["attemptsLeft"] = record.AttemptsLeft(now) });
        }

        record.RecordSuccess(now, check == ConsumptionPasswordCheck.RehashNeeded ? hasher.Hash(request.ConsumptionPassword!) : null);
        var (authorisation, code) = PaymentAuthorisation.Issue(memberId, now);
        db.PaymentAuthorisations.Add(authorisation);
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return ConcurrentAttempt();
        }

        return TypedResults.Created((string?)null, new PaymentAuthorisationIssued(code, authorisation.ExpiresAt));
    }

    private static async Task<bool> TrySaveAsync(MembershipDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private static ProblemHttpResult Locked(ConsumptionPasswordRecord record) =>
        ProblemResults.Problem(StatusCodes.Status403Forbidden, ReasonCodes.ConsumptionPasswordLocked,
            $"Five wrong entries in a row: the consumption password is locked until {record.LockedUntil:u} (消费密码已锁定30分钟).",
            new Dictionary<string, object?> { ["attemptsLeft"] = 0, ["lockedUntil"] = record.LockedUntil });

    // Two entries raced on the same counter; the loser is told nothing about its password, so parallel guessing gains nothing.
    private static ProblemHttpResult ConcurrentAttempt() =>
        ProblemResults.Conflict(MembershipReasonCodes.ConcurrentAttempt, "Another payment attempt was being checked at the same time; try again (请重试).");
}

public sealed record PaymentAuthorisationRequest(string? ConsumptionPassword);

public sealed record PaymentAuthorisationIssued(string AuthorisationCode, DateTimeOffset ExpiresAt);
