using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Changxing.TestSupport;
using Xunit.Abstractions;

namespace Changxing.Deployment.Tests;

/// <summary>
/// Command 1 of the README (scripts/run.sh) on free ports, started from the build the test command made:
/// the gateway comes up ready, and Ctrl-C leaves no service process behind.
/// </summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class RunCommandSpecs(ITestOutputHelper output)
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_bring_the_system_up_and_stop_every_process_on_Ctrl_C()
    {
        var ports = new Dictionary<string, int>
        {
            ["GATEWAY_PORT"] = LoopbackPort.Free(),
            ["MEMBERSHIP_PORT"] = LoopbackPort.Free(),
            ["POINTS_PORT"] = LoopbackPort.Free(),
            ["TICKETING_PORT"] = LoopbackPort.Free(),
            ["WEB_PORT"] = LoopbackPort.Free(),
        };
        var gateway = $"http://127.0.0.1:{ports["GATEWAY_PORT"]}";
        var dataDirectory = Directory.CreateTempSubdirectory("changxing-run-").FullName;
        await using var virtualHost = await RabbitMqVirtualHost.CreateAsync("run-sh");
        var printed = new ConcurrentQueue<string>();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var services = new List<int>();

        using var script = StartRunScript(ports, dataDirectory, virtualHost.Name);
        void Read(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            printed.Enqueue(e.Data);
            if (e.Data.Contains($"Changxing is running: {gateway}", StringComparison.Ordinal))
            {
                running.TrySetResult();
            }
        }

        script.OutputDataReceived += Read;
        script.ErrorDataReceived += Read;
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
        try
        {
            var first = await Task.WhenAny(running.Task, script.WaitForExitAsync()).WaitAsync(StartLimit);
            Assert.True(first == running.Task, "scripts/run.sh exited before the gateway was ready");
            using (var http = new HttpClient())
            using (var ready = await http.GetAsync(new Uri($"{gateway}/health/ready")))
            {
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            }

            services.AddRange(ServiceProcessesStartedBy(script.Id));
            Assert.Equal(5, services.Count);

            await ExternalCommand.RunAsync("kill", "-INT", script.Id.ToString());
            await script.WaitForExitAsync().WaitAsync(StopLimit);

            Assert.Equal(0, script.ExitCode);
            Assert.All(services, pid => Assert.False(IsAlive(pid), $"service process {pid} outlived Ctrl-C"));
            Assert.All(ports, port => Assert.False(Accepts(port.Value), $"something still listens on {port.Key} {port.Value}"));
        }
        catch
        {
            output.WriteLine("scripts/run.sh printed:");
            output.WriteLine(string.Join('\n', printed));
            foreach (var log in Directory.EnumerateFiles(Path.Combine(dataDirectory, "logs")))
            {
                output.WriteLine($"--- {Path.GetFileName(log)}");
                output.WriteLine(string.Join('\n', File.ReadLines(log).TakeLast(30)));
            }

            throw;
        }
        finally
        {
            if (!script.HasExited)
            {
                script.Kill(entireProcessTree: true);
            }

            foreach (var pid in services.Where(IsAlive))
            {
                Process.GetProcessById(pid).Kill();
            }

            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Should_refuse_several_instances_on_SQLite_before_starting_anything()
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("scripts/run.sh");
        start.Environment["INSTANCES"] = "2";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["CHANGXING_SKIP_BUILD"] = "1";
        using var script = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash scripts/run.sh");
        var error = script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, script.ExitCode);
        Assert.Contains("SQLite is single-instance", await error, StringComparison.Ordinal);
        Assert.Contains("Database__Provider=Postgres", await error, StringComparison.Ordinal);
    }

    private static Process StartRunScript(Dictionary<string, int> ports, string dataDirectory, string virtualHost)
    {
        // As from a terminal: a test runner started in the background of a non-interactive shell (nohup, `&`) passes
        // SIGINT on ignored, and bash cannot trap a signal ignored on entry, so Ctrl-C would never reach the script.
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("bash");
        start.ArgumentList.Add("scripts/run.sh");
        foreach (var (key, port) in ports)
        {
            start.Environment[key] = port.ToString();
        }

        start.Environment["DATA_DIR"] = dataDirectory;
        start.Environment["CHANGXING_SKIP_BUILD"] = "1";
        // The services of the build these tests come from (tests/Deployment.Tests/bin/<Configuration>/net10.0).
        start.Environment["CHANGXING_CONFIGURATION"] = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        // The services read it from the environment: this run's queues stay out of every other test's way.
        start.Environment["RabbitMq__VirtualHost"] = virtualHost;
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start bash scripts/run.sh");
    }

    /// <summary>The service processes (dotnet Changxing.X.dll) whose parent is the script: its subshells exec them.</summary>
    private static IEnumerable<int> ServiceProcessesStartedBy(int parent)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            string stat, commandLine;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
                commandLine = File.ReadAllText(Path.Combine(dir, "cmdline"));
            }
            catch (IOException)
            {
                continue;
            }

            // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (int.Parse(fields[1]) == parent && commandLine.Contains("Changxing.", StringComparison.Ordinal))
            {
                yield return pid;
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool Accepts(int port)
    {
        using var tcp = new TcpClient();
        try
        {
            tcp.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
