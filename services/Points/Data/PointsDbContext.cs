using Microsoft.EntityFrameworkCore;

namespace Changxing.Points.Data;

/// <summary>The Points service's own tables. Provider-specific subclasses carry the migrations.</summary>
public abstract class PointsDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PointsDbContext).Assembly);
    }
}
