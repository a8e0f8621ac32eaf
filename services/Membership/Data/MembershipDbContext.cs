using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.Data;

/// <summary>The Membership service's own tables. Provider-specific subclasses carry the migrations.</summary>
public abstract class MembershipDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MembershipDbContext).Assembly);
    }
}
