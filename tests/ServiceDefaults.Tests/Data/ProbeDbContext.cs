using Microsoft.EntityFrameworkCore;

namespace Changxing.ServiceDefaults.Tests.Data;

/// <summary>A service's DbContext reduced to nothing: what the hosting defaults do with it does not depend on a model.</summary>
public abstract class ProbeDbContext(DbContextOptions options) : DbContext(options);
