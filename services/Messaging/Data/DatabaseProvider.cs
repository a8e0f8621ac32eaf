namespace Changxing.Messaging.Data;

public enum DatabaseProvider
{
    /// <summary>Embedded default: one file per service under <see cref="DatabaseOptions.DataDirectory"/>.</summary>
    Sqlite,

    /// <summary>Server-grade; tested here.</summary>
    Postgres,

    /// <summary>The production target in docker-compose.</summary>
    SqlServer,
}
