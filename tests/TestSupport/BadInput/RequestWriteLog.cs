using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.TestSupport.BadInput;

/// <summary>
/// Records, per fuzzer case, every INSERT, UPDATE or DELETE a service's DbContext runs while handling that case's
/// request (the case number comes from the request's <see cref="BadInputRunner.CaseHeader"/>). Stricter than comparing
/// table contents: a refused request must not even try to write, and it needs no snapshot of large seeded tables.
/// </summary>
public sealed partial class RequestWriteLog(IHttpContextAccessor http) : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<int, ConcurrentQueue<string>> _writes = new();

    /// <summary>Adds the log to every DbContext the service registered.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<RequestWriteLog>();
        var contexts = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IDbContextOptionsConfiguration<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Distinct()
            .ToList();
        if (contexts.Count == 0)
        {
            throw new InvalidOperationException("No DbContext registered: the write log would watch nothing.");
        }

        var configure = typeof(EntityFrameworkServiceCollectionExtensions).GetMethods()
            .Single(m => m.Name == nameof(EntityFrameworkServiceCollectionExtensions.ConfigureDbContext)
                && m.GetParameters() is [_, { ParameterType: var p }, _] && p == typeof(Action<IServiceProvider, DbContextOptionsBuilder>));
        Action<IServiceProvider, DbContextOptionsBuilder> addLog = (provider, options) => options.AddInterceptors(provider.GetRequiredService<RequestWriteLog>());
        foreach (var context in contexts)
        {
            // Singleton: the services take their contexts from EF Core's pool, whose options are built once.
            configure.MakeGenericMethod(context).Invoke(null, [services, addLog, ServiceLifetime.Singleton]);
        }
    }

    public IReadOnlyList<string> WritesOf(int caseNumber) =>
        _writes.TryGetValue(caseNumber, out var writes) ? writes.ToList() : [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        var header = http.HttpContext?.Request.Headers[BadInputRunner.CaseHeader].ToString();
        if (!int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return;
        }

        if (Write().Match(command.CommandText) is { Success: true } write)
        {
            var statement = command.CommandText[write.Index..].Split('\n')[0].Trim();
            _writes.GetOrAdd(number, _ => new ConcurrentQueue<string>()).Enqueue(statement.Length > 160 ? statement[..160] : statement);
        }
    }

    [GeneratedRegex(@"^\s*(INSERT|UPDATE|DELETE|MERGE)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Write();
}
