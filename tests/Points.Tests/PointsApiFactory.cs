using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Contracts.Points;
using Changxing.Points.Accrual;
using Changxing.Points.Holds;
using Changxing.Points.Ledger;
using Changxing.Points.Members;
using Changxing.TestSupport;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Points.Tests;

/// <summary>
/// The Points service in-process (real pipeline, real database, fake clock) with MassTransit's test harness as its bus,
/// and the background jobs off so tests drive them with RunOnceAsync. A subclass changes the <c>Points</c> settings
/// through <see cref="PointsSettings"/>, as the configuration of a deployment would.
/// </summary>
public class PointsApiFactory : ServiceApiFactory<Program>
{
    /// <summary>Aged 46 on the fixed clock: earns the base rate, face price x 5.</summary>
    public static readonly DateOnly AdultBirthDate = new(1980, 1, 1);

    public ITestHarness Harness => Services.GetTestHarness();

    /// <summary>Ticketing's side of a back-registration: the tickets it knows, answered over the in-memory bus.</summary>
    public FakeTicketing Ticketing { get; } = new();

    public DateOnly Today => Services.GetRequiredService<BusinessCalendar>().Today;

    public async Task<T> InScopeAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<Guid> ActivateMemberAsync(DateOnly? birthDate = null)
    {
        var memberId = Guid.NewGuid();
        await InScopeAsync<MemberDirectory, bool>(async d =>
        {
            await d.RegisterAsync(new MemberActivated(memberId, "测试会员", birthDate ?? AdultBirthDate, Clock.GetUtcNow()), CancellationToken.None);
            return true;
        });
        return memberId;
    }

    /// <summary>Credits exactly <paramref name="points"/> as one lot today (a money-paid trip of points / 5 yuan for an adult).</summary>
    public async Task<Guid> CreditAsync(Guid memberId, long points)
    {
        var outcome = await InScopeAsync<TicketAccrual, TicketCreditOutcome>(a => a.CreditTripAsync(
            new TripTicket(NewTicketNumber(), memberId, points / 5m, Today, PaymentMethod.Money), CancellationToken.None));
        Assert.Equal(TicketCreditStatus.Credited, outcome.Status);
        Assert.Equal(points, outcome.Credited!.Points);
        return outcome.Credited.LotId;
    }

    /// <summary>Moves the fake clock forward to <paramref name="day"/> (same time of day).</summary>
    public void AdvanceTo(DateOnly day) => Clock.Advance(TimeSpan.FromDays(day.DayNumber - Today.DayNumber));

    public Task<object> ReserveAsync(Guid memberId, long points, Guid? redemptionId = null) =>
        InScopeAsync<HoldBook, object>(b => b.ReserveAsync(new ReservePoints(redemptionId ?? Guid.NewGuid(), memberId, points), CancellationToken.None));

    public Task<object> CaptureAsync(Guid memberId, Guid redemptionId) =>
        InScopeAsync<HoldBook, object>(b => b.CaptureAsync(new CapturePoints(redemptionId, memberId), CancellationToken.None));

    public Task<PointsReleased> ReleaseAsync(Guid memberId, Guid redemptionId, string reason = "seat unavailable") =>
        InScopeAsync<HoldBook, PointsReleased>(b => b.ReleaseAsync(new ReleasePoints(redemptionId, memberId, reason), CancellationToken.None));

    public Task<PointsBalance?> BalanceAsync(Guid memberId) =>
        InScopeAsync<LedgerReader, PointsBalance?>(r => r.BalanceAsync(memberId, CancellationToken.None));

    /// <summary>
    /// Waits until <paramref name="count"/> matching messages were published. Polls the harness's list: its Any() stops
    /// waiting for good once the shared bus has been idle, which a class fixture's bus soon is.
    /// </summary>
    public async Task<List<T>> PublishedAsync<T>(Func<T, bool> match, int count = 1)
        where T : class
    {
        List<T> Snapshot() => Harness.Published.Select<T>(x => match(x.Context.Message)).Select(x => x.Context.Message).ToList();
        await Eventually.Until(() => Task.FromResult(Snapshot().Count >= count), TimeSpan.FromSeconds(20), $"{count} x {typeof(T).Name}");
        return Snapshot();
    }

    public async Task ConsumedAsync<T>(Func<T, bool> match, int count = 1)
        where T : class =>
        await Eventually.Until(() => Task.FromResult(Harness.Consumed.Select<T>(x => match(x.Context.Message)).Count() >= count), TimeSpan.FromSeconds(20), $"{count} x {typeof(T).Name} consumed");

    public static string NewTicketNumber() => "E" + Random.Shared.NextInt64(100_000_000_000_000, 1_000_000_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Settings of the <c>Points</c> section (<see cref="PointsOptions"/>) on top of the tests' default: background jobs off.</summary>
    protected virtual IReadOnlyDictionary<string, string> PointsSettings { get; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"{PointsOptions.Section}:{nameof(PointsOptions.RunBackgroundJobs)}", "false");
        builder.UseSetting($"{PointsOptions.Section}:{nameof(PointsOptions.TicketFactsTimeout)}", "00:00:02"); // the silent-Ticketing test waits this long
        foreach (var (name, value) in PointsSettings)
        {
            builder.UseSetting($"{PointsOptions.Section}:{name}", value);
        }
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton(Ticketing);
        services.AddMassTransitTestHarness(x => x.AddConsumer<FakeTicketFactsConsumer>());

        // Tokens are issued on the fake clock; validate their lifetime on the same clock, not the machine's.
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = Clock.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore.Value <= now + parameters.ClockSkew)
                    && (expires is null || expires.Value >= now - parameters.ClockSkew);
            });
    }
}
