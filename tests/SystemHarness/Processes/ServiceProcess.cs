using System.Collections.Concurrent;
using System.Diagnostics;

namespace Changxing.SystemHarness;

/// <summary>One real service process: started with its environment, its output captured, stopped or killed on demand.</summary>
public sealed class ServiceProcess(BuiltService service, int port, IDictionary<string, string> environment) : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log = new();
    private Process? _process;

    public string Name => service.Name;

    public int Port => port;

    public Uri BaseAddress => new($"http://127.0.0.1:{port}");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The operating system's id of the running process (for sampling its memory and CPU), or null when stopped.</summary>
    public int? ProcessId => IsRunning ? _process!.Id : null;

    public IEnumerable<string> Log => _log;

    /// <summary>Environment for the next start (e.g. a development clock offset); null removes the variable.</summary>
    public void SetEnvironment(string key, string? value)
    {
        if (value is null)
        {
            environment.Remove(key);
        }
        else
        {
            environment[key] = value;
        }
    }

    public void Start()
    {
        if (IsRunning)
        {
            return;
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = service.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(service.Assembly);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Append($"--- started pid {process.Id} ---");
    }

    /// <summary>Stops the process: gracefully, or abruptly like <c>kill -9</c> when <paramref name="kill"/> is set.</summary>
    public async Task StopAsync(bool kill = false)
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        if (kill)
        {
            _process.Kill(entireProcessTree: true);
        }
        else
        {
            // SIGTERM lets the host shut down in order.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
            {
                await term.WaitForExitAsync();
            }

            if (!_process.WaitForExit(TimeSpan.FromSeconds(15)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        await _process.WaitForExitAsync();
        Append($"--- stopped ({(kill ? "killed" : "terminated")}) ---");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(kill: true);
        _process?.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue($"[{Name}] {line}");
        }
    }
}
