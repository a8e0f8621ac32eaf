using Changxing.Messaging.Data;
using Changxing.TestSupport;

namespace Changxing.Messaging.Tests.Data;

/// <summary>
/// One instance at a time runs a periodic job (Data/README.md): while one holds a job's lock, another instance's try
/// finds it taken and its wait lasts until the holder is done; other jobs are not held up.
/// </summary>
[Trait("Category", TestCategories.Database)]
public sealed class ExclusiveJobLockSpecs
{
    [Fact]
    public async Task Should_turn_a_second_instance_away_from_a_running_job_and_let_it_in_once_the_run_ended()
    {
        await using var database = await TestDatabase.CreateAsync();
        var settings = new DatabaseSettings(database.Provider, database.ConnectionString);

        var first = await ExclusiveJobLock.TryTakeAsync(settings, "hold-sweep", CancellationToken.None);
        var second = await ExclusiveJobLock.TryTakeAsync(settings, "hold-sweep", CancellationToken.None);
        await using var otherJob = await ExclusiveJobLock.TryTakeAsync(settings, "lot-expiry", CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(otherJob);
        await first.DisposeAsync();
        await using var afterwards = await ExclusiveJobLock.TryTakeAsync(settings, "hold-sweep", CancellationToken.None);
        Assert.NotNull(afterwards);
    }

    [Fact]
    public async Task Should_make_a_waiting_instance_go_on_only_once_the_running_one_has_finished()
    {
        await using var database = await TestDatabase.CreateAsync();
        var settings = new DatabaseSettings(database.Provider, database.ConnectionString);
        var running = await ExclusiveJobLock.WaitAsync(settings, "run-calendar", CancellationToken.None);

        var waiting = ExclusiveJobLock.WaitAsync(settings, "run-calendar", CancellationToken.None);
        var early = await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromMilliseconds(500)));
        await running.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotSame(waiting, early);
    }
}
