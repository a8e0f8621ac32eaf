using Changxing.Messaging.Data;

namespace Changxing.TestSupport;

/// <summary>What the test command tells the tests through the environment.</summary>
public static class TestEnvironment
{
    /// <summary>TEST_DATABASE_PROVIDER: Sqlite (default) or Postgres.</summary>
    public static DatabaseProvider DatabaseProvider =>
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("TEST_DATABASE_PROVIDER"), ignoreCase: true, out var p)
            ? p
            : DatabaseProvider.Sqlite;

    /// <summary>TEST_POSTGRES: an administrative connection that may create and drop databases.</summary>
    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=changxing;Password=changxing;Database=postgres";

    public static string RabbitMqHost => Environment.GetEnvironmentVariable("TEST_RABBITMQ_HOST") ?? "127.0.0.1";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
