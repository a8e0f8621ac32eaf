namespace Changxing.Messaging.Data;

/// <summary>
/// Marks the provider-specific subclass of a service's DbContext. Each provider keeps its own migrations
/// (EF Core's "one context type per provider" approach), so the three subclasses differ only in this.
/// </summary>
public interface IProviderDbContext
{
    static abstract DatabaseProvider Provider { get; }
}
