using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Membership.Accounts;
using Changxing.Membership.Data;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.Staff;

/// <summary>Staff sign-in, and the operator's way to create reviewer, support and operator accounts.</summary>
public static class StaffEndpoints
{
    public static IEndpointRouteBuilder MapStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/membership/staff").WithTags("Staff");
        group.MapPost("/sign-in", SignIn).AllowAnonymous().WithSummary("Sign in as staff (reviewer, support or operator)").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest).ProducesProblemReasons(StatusCodes.Status401Unauthorized, MembershipReasonCodes.InvalidCredentials).ProducesProblemReasons(StatusCodes.Status429TooManyRequests, ReasonCodes.RateLimited);
        group.MapPost("/", Create).RequireAuthorization(Roles.Operator).WithSummary("Create a staff account").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest).ProducesProblemReasons(StatusCodes.Status409Conflict, ReasonCodes.Conflict);
        group.MapGet("/", List).RequireAuthorization(Roles.Operator).WithSummary("List the staff accounts");
        return app;
    }

    internal static async Task<Results<Ok<SignInResponse>, ProblemHttpResult>> SignIn(
        StaffSignInRequest request, HttpContext http, MembershipDbContext db, SecretHasher hasher, LoginThrottle throttle, TokenIssuer tokens, CancellationToken cancellationToken)
    {
        var userName = StaffAccount.NormaliseUserName(request.UserName);
        var staff = userName is null ? null : await db.StaffAccounts.AsNoTracking().SingleOrDefaultAsync(s => s.UserName == userName, cancellationToken);
        var (passed, retryAfter) = await throttle.CheckAsync(LoginThrottle.StaffAccount(userName ?? ""), () => hasher.VerifyKnown(staff?.PasswordHash, request.Password ?? ""), cancellationToken);
        if (retryAfter is { } wait)
        {
            return LoginThrottle.Locked(http, wait);
        }

        if (!passed || staff is null)
        {
            return ProblemResults.Problem(StatusCodes.Status401Unauthorized, MembershipReasonCodes.InvalidCredentials, "User name or password is wrong (用户名或密码错误).");
        }

        string[] roles = [Roles.Member, staff.Role];
        var token = tokens.Issue(staff.Id, staff.UserName, roles);
        return TypedResults.Ok(new SignInResponse(staff.Id, token.AccessToken, token.ExpiresAt, roles));
    }

    internal static async Task<Results<Created<StaffView>, ProblemHttpResult>> Create(
        CreateStaffRequest request, MembershipDbContext db, SecretHasher hasher, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userName = StaffAccount.NormaliseUserName(request.UserName);
        if (userName is null || !StaffRoles.IsStaffRole(request.Role)
            || !AccountRules.IsAcceptablePassword(request.Password))
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest,
                $"Give a user name (at most {StaffAccount.MaxUserNameLength} characters), a role ({string.Join(", ", StaffRoles.All)}) and a password of 8 to 64 characters with letters and digits.");
        }

        if (await db.StaffAccounts.AnyAsync(s => s.UserName == userName, cancellationToken))
        {
            return ProblemResults.Conflict(ReasonCodes.Conflict, $"Staff account '{userName}' exists (user names are not case-sensitive).");
        }

        var now = clock.GetUtcNow();
        var staff = new StaffAccount { Id = Guid.CreateVersion7(now), UserName = userName, PasswordHash = hasher.Hash(request.Password!), Role = request.Role!, CreatedAt = now };
        db.StaffAccounts.Add(staff);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/membership/staff/{staff.Id}", StaffView.Of(staff));
    }

    internal static async Task<Ok<List<StaffView>>> List(MembershipDbContext db, CancellationToken cancellationToken)
    {
        var staff = await db.StaffAccounts.AsNoTracking().OrderBy(s => s.UserName).ToListAsync(cancellationToken);
        return TypedResults.Ok(staff.Select(StaffView.Of).ToList());
    }
}

public sealed record StaffSignInRequest(string? UserName, string? Password);

public sealed record CreateStaffRequest(string? UserName, string? Password, string? Role);

public sealed record StaffView(Guid Id, string UserName, string Role, DateTimeOffset CreatedAt)
{
    public static StaffView Of(StaffAccount s) => new(s.Id, s.UserName, s.Role, s.CreatedAt);
}
