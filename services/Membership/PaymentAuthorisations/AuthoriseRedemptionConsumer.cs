using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Membership.Accounts;
using Changxing.Membership.Beneficiaries;
using Changxing.Membership.Data;
using Changxing.Messaging.Bus;
using Changxing.Messaging.Data;
using Changxing.ServiceDefaults.Time;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.PaymentAuthorisations;

/// <summary>
/// Redemption saga step 1: spend the one-time authorisation and check the member is active and the passenger allowed
/// (the member, or one of their verified and effective beneficiaries). Answers the request when it has a response
/// address, otherwise publishes the outcome. Idempotent by redemption id: a redelivery gets the stored answer.
/// </summary>
public sealed class AuthoriseRedemptionConsumer(MembershipDbContext db, PersonKeyHasher keys, TimeProvider clock) : IConsumer<AuthoriseRedemption>
{
    public async Task Consume(ConsumeContext<AuthoriseRedemption> context)
    {
        var request = context.Message;
        var cancellationToken = context.CancellationToken;
        var outcome = await db.RedemptionAuthorisationOutcomes.AsNoTracking().SingleOrDefaultAsync(o => o.RedemptionId == request.RedemptionId, cancellationToken)
            ?? await DecideAsync(request, cancellationToken);
        await AnswerAsync(context, outcome);
    }

    private async Task<RedemptionAuthorisationOutcome> DecideAsync(AuthoriseRedemption request, CancellationToken cancellationToken)
    {
        // The spend and the decision are one save, so one commit through the SQLite writer queue (an UPDATE of its
        // own ran outside it and, meeting the write lock, slept 150 ms in the driver's busy retry). A lost race
        // (the code spent by another redemption, or this one decided by a concurrent redelivery) decides again.
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var outcome = await EvaluateAsync(request, now, cancellationToken);
            outcome.RedemptionId = request.RedemptionId;
            outcome.MemberId = request.MemberId;
            outcome.DecidedAt = now;
            db.RedemptionAuthorisationOutcomes.Add(outcome);

            // Inside the consumed message's transaction a lost race must not abort it (PostgreSQL would).
            using var savepoints = AutoSavepoints.On(db);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return outcome;
            }
            catch (DbUpdateException e) when (attempt < 3 && (e is DbUpdateConcurrencyException || UniqueKeyViolation.Matches(e)))
            {
                db.ChangeTracker.Clear();
                if (await db.RedemptionAuthorisationOutcomes.AsNoTracking().SingleOrDefaultAsync(o => o.RedemptionId == request.RedemptionId, cancellationToken) is { } decided)
                {
                    return decided;
                }
            }
        }
    }

    private async Task<RedemptionAuthorisationOutcome> EvaluateAsync(AuthoriseRedemption request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var codeHash = PaymentAuthorisation.HashOf(request.AuthorisationCode ?? "");
        var authorisation = await db.PaymentAuthorisations
            .SingleOrDefaultAsync(a => a.CodeHash == codeHash && a.MemberId == request.MemberId, cancellationToken);
        if (authorisation is null)
        {
            return Rejected(ReasonCodes.AuthorisationInvalid, "The payment authorisation is not valid for this member (支付授权无效).");
        }

        if (authorisation.UsedByRedemptionId is { } usedBy && usedBy != request.RedemptionId)
        {
            return Rejected(ReasonCodes.AuthorisationUsed, "The payment authorisation was already used (支付授权已使用).");
        }

        if (authorisation.UsedByRedemptionId is null)
        {
            if (authorisation.IsExpired(now))
            {
                return Rejected(ReasonCodes.AuthorisationExpired, "The payment authorisation expired after 5 minutes (支付授权已过期).");
            }

            authorisation.Spend(request.RedemptionId, now);
        }

        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == request.MemberId, cancellationToken);
        if (member is null || !member.IsActive)
        {
            return Rejected(ReasonCodes.MemberNotActive,
                "Only members who passed real-name, face verification and review may redeem (会员未激活:需完成实名认证、人脸识别并通过审核).");
        }

        if (request.BeneficiaryId is null)
        {
            return Authorised(member.ResidentId, member.Name);
        }

        var beneficiary = await db.Beneficiaries.AsNoTracking()
            .SingleOrDefaultAsync(b => b.Id == request.BeneficiaryId && b.MemberId == request.MemberId && b.RemovedAt == null, cancellationToken);
        var today = ChinaCalendar.DateOf(now);
        switch (beneficiary?.StatusOn(today))
        {
            case null:
                return Rejected(ReasonCodes.BeneficiaryUnknown, "This passenger is not one of the member's beneficiaries (受让人不存在).");
            case BeneficiaryStatus.PendingReview or BeneficiaryStatus.Rejected:
                return Rejected(ReasonCodes.BeneficiaryNotVerified, "The beneficiary has not been verified (受让人未核验).");
            case BeneficiaryStatus.VerifiedWaiting:
                var outcome = Rejected(ReasonCodes.BeneficiaryNotYetEffective,
                    $"The beneficiary becomes effective on {beneficiary.EffectiveOn:yyyy-MM-dd}, 60 days after submission (受让人将于{beneficiary.EffectiveOn:yyyy年M月d日}生效).");
                outcome.EffectiveOn = beneficiary.EffectiveOn;
                return outcome;
            default:
                return Authorised(beneficiary.ResidentId, beneficiary.Name);
        }
    }

    private RedemptionAuthorisationOutcome Authorised(ResidentIdNumber passenger, string name) => new()
    {
        Authorised = true,
        PassengerKey = keys.KeyOf(passenger),
        PassengerName = name,
        PassengerIdMasked = passenger.Masked,
    };

    private static RedemptionAuthorisationOutcome Rejected(string reason, string detail) => new() { Authorised = false, Reason = reason, Detail = detail };

    private static async Task AnswerAsync(ConsumeContext<AuthoriseRedemption> context, RedemptionAuthorisationOutcome o)
    {
        if (o.Authorised)
        {
            var authorised = new RedemptionAuthorised(o.RedemptionId, o.MemberId, o.PassengerKey!, o.PassengerName!, o.PassengerIdMasked!);
            await context.ReplyAsync(authorised);
            return;
        }

        var rejected = new RedemptionAuthorisationRejected(o.RedemptionId, o.MemberId, o.Reason!, o.Detail ?? "", o.EffectiveOn);
        await context.ReplyAsync(rejected);
    }
}
