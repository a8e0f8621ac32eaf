namespace Changxing.Messaging.Data;

/// <summary>Configuration section <c>Database</c> (<c>Database__Provider</c>, <c>Database__ConnectionString</c> in the environment).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for Postgres and SqlServer; for Sqlite it defaults to <c>{DataDirectory}/{service}.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the Sqlite files live.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending migrations when the service starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
