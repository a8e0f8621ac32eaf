using System.Diagnostics;
using Changxing.Messaging.Data;
using Changxing.Messaging.Tests.Sagas;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Changxing.Messaging.Tests.Data;

/// <summary>
/// SQLite is the single-instance embedded default: a second process on the same database file is refused at start-up
/// with a message naming the file and the way out; hosts in one process share the file, and a stopped host frees it.
/// The other process is util-linux's <c>flock</c>, which takes the same operating-system lock a service takes.
/// </summary>
public sealed class SqliteInstanceLockSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("changxing-instance-lock-").FullName;
    private readonly List<Process> _others = [];

    private string DatabaseFile => Path.Combine(_directory, "service.db");

    private string LockFile => DatabaseFile + ".instance-lock";

    [Fact]
    public async Task Should_refuse_to_start_while_another_process_runs_on_the_same_file()
    {
        await HoldLockInAnotherProcessAsync();
        await using var app = Build();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains(DatabaseFile, refused.Message, StringComparison.Ordinal);
        Assert.Contains("Another process already runs on the SQLite database", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Database__Provider=Postgres", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_start_once_the_other_process_has_gone()
    {
        var other = await HoldLockInAnotherProcessAsync();
        other.Kill(entireProcessTree: true);
        await other.WaitForExitAsync();
        await using var app = Build();

        await app.StartAsync();

        Assert.False(await OtherProcessCanLockAsync(), "the running service holds the file");
    }

    [Fact]
    public async Task Should_let_hosts_in_one_process_share_the_file_and_free_it_when_the_last_stops()
    {
        await using var first = Build();
        await using var second = Build();
        await first.StartAsync();
        await second.StartAsync();

        await first.StopAsync();
        Assert.False(await OtherProcessCanLockAsync(), "the second host still runs on the file");

        await second.StopAsync();
        Assert.True(await OtherProcessCanLockAsync(), "no host runs on the file any more");
    }

    public void Dispose()
    {
        foreach (var other in _others)
        {
            if (!other.HasExited)
            {
                other.Kill(entireProcessTree: true);
                other.WaitForExit();
            }

            other.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private WebApplication Build()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration["Database:Provider"] = "Sqlite";
        builder.Configuration["Database:ConnectionString"] = $"Data Source={DatabaseFile}";
        builder.AddServiceDatabase<SagaTestDbContext, SqliteSagaTestDbContext, PostgresSagaTestDbContext, SqlServerSagaTestDbContext>();
        return builder.Build();
    }

    /// <summary>
    /// Starts <c>flock</c> on the lock file and returns once it holds the lock. <c>--no-fork</c> keeps the lock in the
    /// one process the test kills and waits for: a forked child would hold it on for a moment after its parent is reaped.
    /// </summary>
    private async Task<Process> HoldLockInAnotherProcessAsync()
    {
        var start = new ProcessStartInfo("flock") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--no-fork", "--exclusive", LockFile, "-c", "echo locked; exec sleep 120" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("flock did not start.");
        _others.Add(process);
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("locked", line);
        return process;
    }

    private async Task<bool> OtherProcessCanLockAsync()
    {
        using var probe = Process.Start("flock", ["--nonblock", "--exclusive", LockFile, "true"]);
        await probe.WaitForExitAsync();
        return probe.ExitCode == 0;
    }
}
