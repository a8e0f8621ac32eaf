using System.ComponentModel;

namespace Changxing.TestSupport;

/// <summary>
/// Runs <c>rabbitmqctl</c> quietly. Debian's wrapper refuses everyone but root and the rabbitmq user, so a test
/// run by another user goes through <c>sudo -n</c> (the README's "root or passwordless sudo").
/// </summary>
public static class RabbitMqCtl
{
    private static readonly Lazy<Task<bool>> RunningAsRoot = new(async () => (await ExternalCommand.RunAsync("id", "-u")).Trim() == "0");

    public static async Task<string> RunAsync(params string[] args)
    {
        if (await RunningAsRoot.Value)
        {
            return await ExternalCommand.RunAsync("rabbitmqctl", ["-q", .. args]);
        }

        try
        {
            return await ExternalCommand.RunAsync("sudo", ["-n", "rabbitmqctl", "-q", .. args]);
        }
        catch (Exception e) when (e is Win32Exception || (e is InvalidOperationException && e.Message.Contains("sudo:", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException(
                $"rabbitmqctl runs only as root or the rabbitmq user, and user {Environment.UserName} cannot run it through 'sudo -n' ({e.Message.Trim()}). " +
                "Run the tests as root, or give this user passwordless sudo for it, e.g. the sudoers line " +
                $"'{Environment.UserName} ALL=(root) NOPASSWD: /usr/sbin/rabbitmqctl'.", e);
        }
    }
}
