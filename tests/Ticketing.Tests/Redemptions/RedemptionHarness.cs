using Changxing.Contracts.Redemptions;
using Changxing.Messaging.Sagas;
using Changxing.Ticketing.Redemptions;
using Changxing.Ticketing.Redemptions.Strikes;
using Changxing.Ticketing.Tickets;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Changxing.Ticketing.Tests.Redemptions;

/// <summary>
/// The redemption saga and the strike counter on MassTransit's in-memory harness with a fake clock. Tests play
/// Membership and Points by publishing their replies and script Ticketing's seat and ticket (<see cref="Tickets"/>),
/// and assert which commands the saga sent.
/// </summary>
public sealed class RedemptionHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private RedemptionHarness(ServiceProvider provider, FakeTimeProvider clock, ScriptedTicketIssuer tickets)
    {
        _provider = provider;
        Clock = clock;
        Tickets = tickets;
        Harness = provider.GetRequiredService<ITestHarness>();
        Saga = Harness.GetSagaStateMachineHarness<RedemptionStateMachine, RedemptionState>();
        Strikes = Harness.GetSagaStateMachineHarness<PaymentStrikeStateMachine, PaymentStrikeState>();
    }

    public static readonly DateOnly TravelDate = new(2026, 3, 20);

    public FakeTimeProvider Clock { get; }

    /// <summary>Ticketing's seat and ticket, as the saga takes them once the points are reserved.</summary>
    public ScriptedTicketIssuer Tickets { get; } = new();

    public ITestHarness Harness { get; }

    public ISagaStateMachineTestHarness<RedemptionStateMachine, RedemptionState> Saga { get; }

    public ISagaStateMachineTestHarness<PaymentStrikeStateMachine, PaymentStrikeState> Strikes { get; }

    public RedemptionStateMachine Machine => Saga.StateMachine;

    public static async Task<RedemptionHarness> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));
        var tickets = new ScriptedTicketIssuer();
        var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IRedemptionTicketIssuer>(tickets)
            .AddScoped<IssueRedemptionTicketActivity>()
            .AddScoped<ICompletedRedemptions, HarnessCompletedRedemptions>()
            .Configure<RedemptionOptions>(o => o.StepTimeout = TimeSpan.FromSeconds(30))
            .AddMassTransitTestHarness(x =>
            {
                x.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(15), testInactivityTimeout: TimeSpan.FromSeconds(1));
                x.AddSagaStateMachine<RedemptionStateMachine, RedemptionState>();
                x.AddSagaStateMachine<PaymentStrikeStateMachine, PaymentStrikeState>();
            })
            .BuildServiceProvider(true);
        var harness = new RedemptionHarness(provider, clock, tickets);
        await harness.Harness.Start();
        return harness;
    }

    public static RedemptionRequested Request(Guid? memberId = null, Guid? beneficiaryId = null) =>
        new(NewId.NextGuid(), memberId ?? Guid.NewGuid(), beneficiaryId, "G1", TravelDate, "VNP", "AOH", "second", 553m, 55_300, "one-time-code", DateTimeOffset.UtcNow);

    public Task Publish<T>(T message)
        where T : class => Harness.Bus.Publish(message);

    /// <summary>Waits until the redemption is in <paramref name="state"/> and returns it.</summary>
    public async Task<RedemptionState> InState(Guid id, Func<RedemptionStateMachine, State> state)
    {
        var found = await Saga.Exists(id, state);
        Assert.True(found.HasValue, $"redemption {id} never reached {state(Machine).Name}; it is {Saga.Sagas.Contains(id)?.CurrentState ?? "missing"}");
        return Saga.Sagas.Contains(id)!;
    }

    /// <summary>The redemption as the repository holds it now (the harness hands out copies, so read it again after each step).</summary>
    public RedemptionState Current(Guid id) => Saga.Sagas.Contains(id) ?? throw new InvalidOperationException($"redemption {id} does not exist");

    /// <summary>The overdue event the sweeper would send for the saga's current deadline; waits until the saga has reacted.</summary>
    /// <remarks>
    /// Every reaction to a current deadline changes the state, the step or the attempt; those are what is awaited.
    /// Not <c>UpdatedAt</c>: the in-memory repository lets the test read the instance while the saga is still
    /// mutating it, and the timeline stamps <c>UpdatedAt</c> before the deadline moves on.
    /// </remarks>
    public async Task Overdue(Guid id)
    {
        var saga = Current(id);
        var before = (saga.CurrentState, saga.DeadlineStep, saga.DeadlineAttempt);
        await Publish(new StepDeadlineExpired<RedemptionState>(id, saga.DeadlineStep!, saga.DeadlineAttempt, saga.DeadlineAt ?? DateTimeOffset.UtcNow));
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Changxing.TestSupport.Eventually.Until(
            () =>
            {
                var now = Current(id);
                return Task.FromResult((now.CurrentState, now.DeadlineStep, now.DeadlineAttempt) != before);
            },
            TimeSpan.FromSeconds(15),
            $"the saga reacts to the overdue {before.DeadlineStep} attempt {before.DeadlineAttempt}");
    }

    /// <summary>Waits until a matching message was published (this machine may be slow; never a fixed sleep).</summary>
    public Task<bool> WasPublished<T>(Func<T, bool> match)
        where T : class =>
        PublishedCount(match, count => count > 0);

    /// <summary>Waits until exactly <paramref name="expected"/> matching messages were published and no more follow while the bus settles.</summary>
    public async Task<int> PublishedExactly<T>(int expected, Func<T, bool> match)
        where T : class
    {
        if (expected > 0)
        {
            await PublishedCount(match, count => count >= expected);
        }

        await Harness.InactivityTask;
        return Harness.Published.Select<T>().Count(m => match(m.Context.Message));
    }

    private async Task<bool> PublishedCount<T>(Func<T, bool> match, Func<int, bool> enough)
        where T : class
    {
        try
        {
            await Changxing.TestSupport.Eventually.Until(
                () => Task.FromResult(enough(Harness.Published.Select<T>().Count(m => match(m.Context.Message)))),
                TimeSpan.FromSeconds(15));
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }
}
