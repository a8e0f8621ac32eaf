using System.Diagnostics;

namespace Changxing.TestSupport;

/// <summary>Runs a command-line tool to its end (rabbitmqctl, pg_ctlcluster) and fails with its error text.</summary>
public static class ExternalCommand
{
    /// <summary>Returns what the tool printed on standard output.</summary>
    public static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        var output = await stdout;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr}{output}");
        }

        return output;
    }
}
