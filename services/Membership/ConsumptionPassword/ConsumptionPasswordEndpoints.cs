using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Membership.Accounts;
using Changxing.Membership.Data;
using Changxing.ServiceDefaults.Auth;
using Changxing.Messaging.Data;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.ConsumptionPassword;

/// <summary>Setting, changing and inspecting the consumption password (消费密码). Payments use it through payment authorisations.</summary>
public static class ConsumptionPasswordEndpoints
{
    public static IEndpointRouteBuilder MapConsumptionPasswordEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/membership/consumption-password").WithTags("Consumption password").RequireAuthorization(p => p.RequireRole(Roles.Member));
        group.MapGet("/", Status).WithSummary("Read whether a consumption password is set and whether it is locked");
        group.MapPost("/", Set).WithSummary("Set the consumption password (消费密码), 6 digits, not trivial").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest, MembershipReasonCodes.TrivialConsumptionPassword).ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound).ProducesProblemReasons(StatusCodes.Status409Conflict, MembershipReasonCodes.ConsumptionPasswordAlreadySet);
        group.MapPut("/", Change).WithSummary("Change the consumption password, given the current one").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest, MembershipReasonCodes.TrivialConsumptionPassword).ProducesProblemReasons(StatusCodes.Status403Forbidden, ReasonCodes.Forbidden, MembershipReasonCodes.InvalidCredentials).ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound).ProducesProblemReasons(StatusCodes.Status409Conflict, ReasonCodes.ConsumptionPasswordNotSet).ProducesProblemReasons(StatusCodes.Status429TooManyRequests, ReasonCodes.RateLimited);
        return app;
    }

    internal static async Task<Ok<ConsumptionPasswordStatus>> Status(HttpContext http, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var record = await db.ConsumptionPasswords.AsNoTracking().SingleOrDefaultAsync(p => p.MemberId == http.User.MemberId(), cancellationToken);
        return TypedResults.Ok(ConsumptionPasswordStatus.Of(record, clock.GetUtcNow()));
    }

    internal static async Task<Results<Created<ConsumptionPasswordStatus>, ProblemHttpResult>> Set(
        SetConsumptionPasswordRequest request, HttpContext http, MembershipDbContext db, ConsumptionPasswordHasher hasher, TimeProvider clock, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == http.User.MemberId(), cancellationToken);
        if (member is null)
        {
            return ProblemResults.NotFound("No member account for this token.");
        }

        if (ConsumptionPasswordPolicy.Refusal(request.Password, member.BirthDate, member.IdNumber) is { } refusal)
        {
            return ProblemResults.BadRequest(MembershipReasonCodes.TrivialConsumptionPassword, refusal);
        }

        if (await db.ConsumptionPasswords.AnyAsync(p => p.MemberId == member.Id, cancellationToken))
        {
            return ProblemResults.Conflict(MembershipReasonCodes.ConsumptionPasswordAlreadySet,
                "The consumption password is already set; change it with the login password (消费密码已设置).");
        }

        var now = clock.GetUtcNow();
        var record = ConsumptionPasswordRecord.Create(member.Id, hasher.Hash(request.Password!), now);
        db.ConsumptionPasswords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueKeyViolation.Matches(e))
        {
            return ProblemResults.Conflict(MembershipReasonCodes.ConsumptionPasswordAlreadySet, "The consumption password is already set (消费密码已设置).");
        }

        return TypedResults.Created("/api/membership/consumption-password", ConsumptionPasswordStatus.Of(record, now));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Change(
        ChangeConsumptionPasswordRequest request, HttpContext http, MembershipDbContext db, SecretHasher loginPasswords,
        LoginThrottle throttle, ConsumptionPasswordHasher hasher, TimeProvider clock, CancellationToken cancellationToken)
    {
        var memberId = http.User.MemberId();
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return ProblemResults.NotFound("No member account for this token.");
        }

        var (passed, retryAfter) = await throttle.CheckAsync(LoginThrottle.MemberAccount(member.Phone), () => loginPasswords.Verify(member.PasswordHash, request.LoginPassword ?? ""), cancellationToken);
        if (retryAfter is { } wait)
        {
            return LoginThrottle.Locked(http, wait);
        }

        if (!passed)
        {
            return ProblemResults.Problem(StatusCodes.Status403Forbidden, MembershipReasonCodes.InvalidCredentials,
                "Changing the consumption password needs the right login password (登录密码错误).");
        }

        if (ConsumptionPasswordPolicy.Refusal(request.NewPassword, member.BirthDate, member.IdNumber) is { } refusal)
        {
            return ProblemResults.BadRequest(MembershipReasonCodes.TrivialConsumptionPassword, refusal);
        }

        var record = await db.ConsumptionPasswords.SingleOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        if (record is null)
        {
            return ProblemResults.Conflict(ReasonCodes.ConsumptionPasswordNotSet, "No consumption password is set yet (尚未设置消费密码).");
        }

        record.Change(hasher.Hash(request.NewPassword!), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}

public sealed record SetConsumptionPasswordRequest(string? Password);

public sealed record ChangeConsumptionPasswordRequest(string? LoginPassword, string? NewPassword);

public sealed record ConsumptionPasswordStatus(bool IsSet, bool Locked, DateTimeOffset? LockedUntil, int AttemptsLeft)
{
    public static ConsumptionPasswordStatus Of(ConsumptionPasswordRecord? record, DateTimeOffset now) =>
        record is null
            ? new(false, false, null, ConsumptionPasswordPolicy.MaxConsecutiveFailures)
            : new(true, record.IsLocked(now), record.IsLocked(now) ? record.LockedUntil : null, record.AttemptsLeft(now));
}
