using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Membership.Activation;
using Changxing.Membership.Data;
using Changxing.ServiceDefaults.Auth;
using Changxing.Messaging.Data;
using Changxing.ServiceDefaults.Problems;
using Changxing.ServiceDefaults.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.Accounts;

/// <summary>Registration, sign-in and the member's own profile.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/membership/accounts").WithTags("Accounts");
        accounts.MapPost("/", Register).AllowAnonymous().WithSummary("Sign up as a member (注册)").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest, MembershipReasonCodes.InvalidResidentIdNumber).ProducesProblemReasons(StatusCodes.Status409Conflict, ReasonCodes.Conflict);
        accounts.MapPost("/sign-in", SignIn).AllowAnonymous().WithSummary("Sign in as a member with phone and password").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest).ProducesProblemReasons(StatusCodes.Status401Unauthorized, MembershipReasonCodes.InvalidCredentials).ProducesProblemReasons(StatusCodes.Status429TooManyRequests, ReasonCodes.RateLimited);

        app.MapGet("/api/membership/me", Me).WithTags("Accounts").RequireAuthorization(p => p.RequireRole(Roles.Member)).WithSummary("Read the caller's member profile").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        return app;
    }

    internal static async Task<Results<Created<MemberProfile>, ProblemHttpResult>> Register(
        RegisterRequest request, MembershipDbContext db, SecretHasher hasher, PersonKeyHasher keys, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!AccountRules.IsName(request.Name))
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest, "Name must be 2 to 50 characters (姓名须为2至50个字符).");
        }

        if (!ResidentIdNumber.TryParse(request.IdNumber, out var idNumber) || !idNumber.IsOfLivingPersonOn(clock.Today()))
        {
            return ProblemResults.BadRequest(MembershipReasonCodes.InvalidResidentIdNumber,
                "The resident ID number is not a valid 18-character GB 11643 number (身份证号码无效).");
        }

        if (!AccountRules.IsMobilePhone(request.Phone))
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest, "Phone must be an 11-digit mainland mobile number (手机号码无效).");
        }

        if (!AccountRules.IsAcceptablePassword(request.Password))
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest,
                "The login password needs 8 to 64 characters with letters and digits (登录密码须为8至64位,含字母和数字).");
        }

        var personKey = keys.KeyOf(idNumber);
        if (await db.Members.AnyAsync(m => m.Phone == request.Phone || m.PersonKey == personKey, cancellationToken))
        {
            return ProblemResults.Conflict(ReasonCodes.Conflict, "This phone number or ID number is already registered (该手机号或证件号已注册).");
        }

        var now = clock.GetUtcNow();
        var member = Member.Register(Guid.CreateVersion7(now), request.Name!.Trim(), idNumber, personKey, request.Phone!, hasher.Hash(request.Password!), now);
        db.Members.Add(member);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueKeyViolation.Matches(e))
        {
            return ProblemResults.Conflict(ReasonCodes.Conflict, "This phone number or ID number is already registered (该手机号或证件号已注册).");
        }

        return TypedResults.Created("/api/membership/me", MemberProfile.Of(member, clock.Today()));
    }

    internal static async Task<Results<Ok<SignInResponse>, ProblemHttpResult>> SignIn(
        SignInRequest request, HttpContext http, MembershipDbContext db, SecretHasher hasher, LoginThrottle throttle, TokenIssuer tokens, CancellationToken cancellationToken)
    {
        var member = request.Phone is null ? null : await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Phone == request.Phone, cancellationToken);

        var (passed, retryAfter) = await throttle.CheckAsync(LoginThrottle.MemberAccount(request.Phone ?? ""), () => hasher.VerifyKnown(member?.PasswordHash, request.Password ?? ""), cancellationToken);
        if (retryAfter is { } wait)
        {
            return LoginThrottle.Locked(http, wait);
        }

        if (!passed || member is null)
        {
            return ProblemResults.Problem(StatusCodes.Status401Unauthorized, MembershipReasonCodes.InvalidCredentials,
                "Phone number or password is wrong (手机号或密码错误).");
        }

        var token = tokens.Issue(member.Id, member.Name, [Roles.Member]);
        return TypedResults.Ok(new SignInResponse(member.Id, token.AccessToken, token.ExpiresAt, [Roles.Member]));
    }

    internal static async Task<Results<Ok<MemberProfile>, ProblemHttpResult>> Me(
        HttpContext http, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var memberId = http.User.MemberId();
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        return member is null
            ? ProblemResults.NotFound("No member account for this token.")
            : TypedResults.Ok(MemberProfile.Of(member, clock.Today()));
    }
}

public sealed record RegisterRequest(string? Name, string? IdNumber, string? Phone, string? Password);

public sealed record SignInRequest(string? Phone, string? Password);

public sealed record SignInResponse(Guid SubjectId, string AccessToken, DateTimeOffset ExpiresAt, IReadOnlyList<string> Roles);

public sealed record ActivationView(
    bool Active, CheckStatus RealName, string? RealNameReason, CheckStatus Face, string? FaceReason,
    ReviewStatus Review, string? ReviewReason, DateTimeOffset? ActivatedAt)
{
    public static ActivationView Of(Member m) =>
        new(m.IsActive, m.RealName, m.RealNameReason, m.Face, m.FaceReason, m.Review, m.ReviewReason, m.ActivatedAt);
}

public sealed record MemberProfile(
    Guid MemberId, string Name, string IdNumberMasked, string PhoneMasked, DateOnly BirthDate, int Age, ActivationView Activation)
{
    public static MemberProfile Of(Member m, DateOnly today) =>
        new(m.Id, m.Name, ResidentIdNumber.Mask(m.IdNumber), AccountRules.MaskPhone(m.Phone), m.BirthDate,
            ResidentIdNumber.AgeOn(m.BirthDate, today), ActivationView.Of(m));
}
