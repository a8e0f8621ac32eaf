using Changxing.Messaging.Sagas;
using Changxing.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Changxing.Messaging.Tests.Sagas;

/// <summary>
/// Durable step deadlines: the reservation step is due 30 s after it was sent, re-sent on each overdue deadline
/// up to three attempts, then failed. The clock is fake; the sweeper is driven by hand.
/// </summary>
[Trait("Category", TestCategories.Database)]
public sealed class StepDeadlineSpecs
{
    private static readonly TimeSpan JustOver = ReservationStateMachine.StepTimeout + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Should_record_the_step_deadline_in_the_saga_row()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        var clock = SagaTestHost.NewClock();
        await using var host = await SagaTestHost.StartAsync(database, clock);
        var id = NewId.NextGuid();

        await host.Harness.Bus.Publish(new SubmitReservation(id));

        var saga = await Eventually.Until(() => host.FindAsync<ReservationState>(id), s => s is not null);
        Assert.Equal(ReservationStateMachine.ReserveSeatStep, saga!.DeadlineStep);
        Assert.Equal(1, saga.DeadlineAttempt);
        Assert.Equal(clock.GetUtcNow() + ReservationStateMachine.StepTimeout, saga.DeadlineAt);
    }

    [Fact]
    public async Task Should_send_nothing_before_the_deadline_passes()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        var clock = SagaTestHost.NewClock();
        await using var host = await SagaTestHost.StartAsync(database, clock);
        var id = await SubmitAsync(host);

        clock.Advance(ReservationStateMachine.StepTimeout - TimeSpan.FromSeconds(1));

        Assert.Equal(0, await host.ReservationSweeper.RunOnceAsync());
        Assert.Equal(1, (await host.FindAsync<ReservationState>(id))!.DeadlineAttempt);
    }

    [Fact]
    public async Task Should_deliver_exactly_one_deadline_event_per_overdue_step_also_after_restarts()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        var clock = SagaTestHost.NewClock();
        Guid id;

        await using (var first = await SagaTestHost.StartAsync(database, clock))
        {
            id = await SubmitAsync(first);
            clock.Advance(JustOver);

            Assert.Equal(1, await first.ReservationSweeper.RunOnceAsync());
            Assert.Equal(0, await first.ReservationSweeper.RunOnceAsync());
            await WaitForAttemptAsync(first, id, 2);
            Assert.Single(first.Harness.Published.Select<StepDeadlineExpired<ReservationState>>());
        }

        // Attempt 2 falls due while no process runs.
        clock.Advance(JustOver);
        await using (var second = await SagaTestHost.StartAsync(database, clock))
        {
            Assert.Equal(1, await second.ReservationSweeper.RunOnceAsync());
            Assert.Equal(0, await second.ReservationSweeper.RunOnceAsync());
            await WaitForAttemptAsync(second, id, 3);
            var signal = Assert.Single(second.Harness.Published.Select<StepDeadlineExpired<ReservationState>>());
            Assert.Equal((id, 2), (signal.Context.Message.CorrelationId, signal.Context.Message.Attempt));
        }

        await using (var third = await SagaTestHost.StartAsync(database, clock))
        {
            Assert.Equal(0, await third.ReservationSweeper.RunOnceAsync());
            clock.Advance(JustOver);
            Assert.Equal(1, await third.ReservationSweeper.RunOnceAsync());

            var failed = await Eventually.Until(() => third.FindAsync<ReservationState>(id), s => s!.CurrentState == "Failed");
            Assert.Equal(ReservationStateMachine.MaxAttempts, failed!.SeatRequests);
            Assert.Null(failed.DeadlineStep);
            Assert.Null(failed.DeadlineAt);

            clock.Advance(JustOver);
            Assert.Equal(0, await third.ReservationSweeper.RunOnceAsync());
            var signal = Assert.Single(third.Harness.Published.Select<StepDeadlineExpired<ReservationState>>());
            Assert.Equal((id, 3), (signal.Context.Message.CorrelationId, signal.Context.Message.Attempt));
        }
    }

    [Fact]
    public async Task Should_resend_an_overdue_step_by_itself_when_the_hosted_sweeper_runs()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        var clock = SagaTestHost.NewClock();
        await using var host = await SagaTestHost.StartAsync(database, clock, sweepInBackground: true);
        var id = await SubmitAsync(host);

        // The hosted sweeper waits on the fake clock: keep it ticking until the step has been re-sent.
        var saga = await Eventually.Until(
            async () =>
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                return await host.FindAsync<ReservationState>(id);
            },
            s => s!.DeadlineAttempt == 2);

        Assert.Equal(2, saga!.SeatRequests);
    }

    [Fact]
    public async Task Should_deliver_one_deadline_event_when_two_processes_sweep_at_the_same_time()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        var clock = SagaTestHost.NewClock();
        await using var one = await SagaTestHost.StartAsync(database, clock);
        await using var two = await SagaTestHost.StartAsync(database, clock);
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await SubmitAsync(one));
        }

        clock.Advance(JustOver);
        var sent = await Task.WhenAll(one.ReservationSweeper.RunOnceAsync(), two.ReservationSweeper.RunOnceAsync());

        Assert.Equal(ids.Count, sent.Sum());
        foreach (var id in ids)
        {
            await WaitForAttemptAsync(one, id, 2);
        }

        Assert.All(await one.AllAsync<ReservationState>(), s => Assert.Equal(2, s.SeatRequests));
    }

    [Fact]
    public async Task Should_ignore_a_late_duplicate_of_a_deadline_event()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        var clock = SagaTestHost.NewClock();
        await using var host = await SagaTestHost.StartAsync(database, clock);
        var id = await SubmitAsync(host);
        clock.Advance(JustOver);
        await host.ReservationSweeper.RunOnceAsync();
        await WaitForAttemptAsync(host, id, 2);

        // What a sweeper that died between publish and commit would send again; then the same after the step was answered.
        var duplicate = new StepDeadlineExpired<ReservationState>(id, ReservationStateMachine.ReserveSeatStep, 1, clock.GetUtcNow());
        await host.Harness.Bus.Publish(duplicate);
        await Eventually.Until(() => Task.FromResult(host.Harness.Consumed.Select<StepDeadlineExpired<ReservationState>>().Count() >= 2));
        await host.Harness.Bus.Publish(new SeatReserved(id));
        await Eventually.Until(async () => (await host.FindAsync<ReservationState>(id))!.CurrentState == "Confirmed");
        await host.Harness.Bus.Publish(duplicate with { Attempt = 2 });
        await Eventually.Until(() => Task.FromResult(host.Harness.Consumed.Select<StepDeadlineExpired<ReservationState>>().Count() >= 3));

        var saga = await host.FindAsync<ReservationState>(id);
        Assert.Equal("Confirmed", saga!.CurrentState);
        Assert.Equal(2, saga.SeatRequests);
        Assert.False(host.Harness.Published.Select<Fault<StepDeadlineExpired<ReservationState>>>().Any());
    }

    [Fact]
    public async Task Should_signal_an_overdue_step_again_when_its_deadline_event_was_lost()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        var clock = SagaTestHost.NewClock();
        await using var host = await SagaTestHost.StartAsync(database, clock);
        var id = await SubmitAsync(host);
        clock.Advance(JustOver);

        // The event goes out but never reaches the saga: a bus with no subscribers drops it, as a consumer that
        // exhausted its retries during a database outage would (the message then lies in an _error queue).
        var nowhere = MassTransit.Bus.Factory.CreateUsingInMemory(_ => { });
        await nowhere.StartAsync();
        try
        {
            var lossy = new StepDeadlineJob<ReservationState, SagaTestDbContext>(
                host.Services.GetRequiredService<IServiceScopeFactory>(), nowhere, clock,
                host.Services.GetRequiredService<IOptions<StepDeadlineOptions>>(),
                host.Services.GetRequiredService<EntityFrameworkSagaRepositoryOptions<ReservationState>>(),
                NullLogger<StepDeadlineJob<ReservationState, SagaTestDbContext>>.Instance);
            Assert.Equal(1, await lossy.RunOnceAsync());
        }
        finally
        {
            await nowhere.StopAsync();
        }

        Assert.Equal(0, await host.ReservationSweeper.RunOnceAsync());
        clock.Advance(new StepDeadlineOptions().ResignalAfter);
        Assert.Equal(1, await host.ReservationSweeper.RunOnceAsync());
        await WaitForAttemptAsync(host, id, 2);
    }

    private static async Task<Guid> SubmitAsync(SagaTestHost host)
    {
        var id = NewId.NextGuid();
        await host.Harness.Bus.Publish(new SubmitReservation(id));
        await WaitForAttemptAsync(host, id, 1);
        return id;
    }

    private static Task<ReservationState?> WaitForAttemptAsync(SagaTestHost host, Guid id, int attempt) =>
        Eventually.Until(
            () => host.FindAsync<ReservationState>(id),
            s => s is not null && s.DeadlineAttempt == attempt && s.SeatRequests == attempt && s.DeadlineAt is not null,
            because: $"attempt {attempt} of the reservation step started");
}
