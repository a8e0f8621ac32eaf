using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Messaging.Data;

public static class DatabaseRegistration
{
    /// <summary>See <see cref="WithPostgresDefaults"/>.</summary>
    private static readonly (string Keyword, string Value)[] PostgresDefaults =
        [("Max Auto Prepare", "32"), ("Auto Prepare Min Usages", "2"), ("No Reset On Close", "true")];

    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the configured provider, backed by the matching subclass
    /// (whose migrations are applied at start-up), plus a readiness check; on SQLite, the one-process-per-file lock
    /// (<see cref="SqliteInstanceGuard"/>). Call before <c>AddServiceBus</c> and any background job so the database is
    /// locked and migrated before any message is consumed.
    /// </summary>
    /// <remarks>
    /// Contexts come from EF Core's pool (<c>AddDbContextPool</c>): every request and message takes one, and building a
    /// context afresh (its options, loggers and internal services) was 6–10 % of each service's CPU under load
    /// (docs/PERFORMANCE.md). A pooled context is reset when it is returned; its options are built once, so
    /// <paramref name="configure"/> is the one place to add what a service's context needs beyond the provider (for
    /// example an interceptor), never <c>OnConfiguring</c>, which pooling refuses.
    /// </remarks>
    public static WebApplicationBuilder AddServiceDatabase<TContext, TSqlite, TPostgres, TSqlServer>(
        this WebApplicationBuilder builder, Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
        where TSqlite : TContext, IProviderDbContext
        where TPostgres : TContext, IProviderDbContext
        where TSqlServer : TContext, IProviderDbContext
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ResolveConnectionString(options, builder.Environment.ApplicationName);

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                Register<TContext, TSqlite>(builder.Services, options.Provider, connectionString, configure);
                break;
            case DatabaseProvider.Postgres:
                Register<TContext, TPostgres>(builder.Services, options.Provider, connectionString, configure);
                break;
            case DatabaseProvider.SqlServer:
                Register<TContext, TSqlServer>(builder.Services, options.Provider, connectionString, configure);
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not one of Sqlite, Postgres, SqlServer.");
        }

        builder.Services.AddSingleton(new DatabaseSettings(options.Provider, connectionString));
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>("database", tags: ["ready"]);
        builder.Services.AddExceptionHandler<RefusedValueExceptionHandler>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // Before the migrator: a second process on the file stops before it touches it.
            builder.Services.AddHostedService<SqliteInstanceGuard>();
        }

        if (options.MigrateOnStartup)
        {
            builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        }

        return builder;
    }

    public static string ResolveConnectionString(DatabaseOptions options, string applicationName)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.Provider == DatabaseProvider.Postgres ? WithPostgresDefaults(options.ConnectionString) : options.ConnectionString;
        }

        if (options.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                $"Database:ConnectionString is required for the {options.Provider} provider (set Database__ConnectionString).");
        }

        var file = applicationName.Replace("Changxing.", string.Empty, StringComparison.Ordinal).ToLowerInvariant() + ".db";
        return $"Data Source={Path.Combine(Path.GetFullPath(options.DataDirectory), file)};Default Timeout=30;Pooling=True";
    }

    /// <summary>
    /// The Npgsql settings the services run with, each unless the connection string names it (in any of Npgsql's
    /// spellings: <c>Max Auto Prepare</c> or <c>MaxAutoPrepare</c>). Applied here, where the one connection string of the
    /// service is resolved: the outbox's hand-over queue is keyed by it. Why each (docs/PERFORMANCE.md, "PostgreSQL's side
    /// of a redemption"):
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare=32;Auto Prepare Min Usages=2</c>: PostgreSQL parses and plans every statement again
    /// unless it is prepared, and Npgsql prepares nothing by default; a statement used twice on a connection is prepared
    /// from then on.</item>
    /// <item><c>No Reset On Close=true</c>: Npgsql resets a pooled connection's session when it is returned (with
    /// prepared statements, seven commands: role, settings, cursors, LISTEN, session advisory locks, sequences,
    /// temporary tables), and the services return a connection several times per consumed message. They keep none of
    /// that state on a connection: the job locks are transaction-scoped, and nothing changes the role, SETs, LISTENs or
    /// creates a temporary table. An open transaction is still rolled back on return whatever this says. Code that adds
    /// session state must undo it before it returns the connection.</item>
    /// </list>
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var named = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>().Select(Keyword).ToHashSet();
        var defaults = PostgresDefaults.Where(d => !named.Contains(Keyword(d.Keyword))).Select(d => $"{d.Keyword}={d.Value}");
        return string.Join(';', defaults.Prepend(connectionString.TrimEnd().TrimEnd(';')));

        static string Keyword(string keyword) => keyword.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
    }

    private static void Register<TContext, TImplementation>(
        IServiceCollection services, DatabaseProvider provider, string connectionString, Action<DbContextOptionsBuilder>? configure)
        where TContext : DbContext
        where TImplementation : TContext =>
        services.AddDbContextPool<TContext, TImplementation>(o =>
        {
            o.UseProvider(provider, connectionString);
            configure?.Invoke(o);
        });
}
