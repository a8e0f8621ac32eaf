namespace Changxing.TestSupport;

/// <summary>Runs <c>rabbitmqctl</c> quietly (the test command runs as a user allowed to).</summary>
public static class RabbitMqCtl
{
    public static Task<string> RunAsync(params string[] args) => ExternalCommand.RunAsync("rabbitmqctl", ["-q", .. args]);
}
