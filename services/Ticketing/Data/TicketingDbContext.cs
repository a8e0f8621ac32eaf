using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Data;

/// <summary>The Ticketing service's own tables. Provider-specific subclasses carry the migrations.</summary>
public abstract class TicketingDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TicketingDbContext).Assembly);
    }
}
