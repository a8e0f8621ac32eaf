namespace Changxing.Messaging.Bus;

/// <summary>
/// Configuration section <c>RabbitMq</c>; environment variables such as <c>RabbitMq__Host</c> override it.
/// The defaults are RabbitMQ's own local development account (guest may only log in from localhost).
/// </summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    public string Host { get; set; } = "localhost";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
}
