using Changxing.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Data;

/// <summary>Points an options builder at a provider; shared by the running service, design-time tools and tests.</summary>
public static class DbContextProviderOptions
{
    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString).AddInterceptors(OutboxDeliverySignal.Instance),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, o => o.EnableRetryOnFailure(3)).AddInterceptors(OutboxDeliverySignal.Instance),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.EnableRetryOnFailure(3)).AddInterceptors(OutboxDeliverySignal.Instance),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
}
