namespace Changxing.Messaging.Data;

/// <summary>The provider and connection string the service resolved at start-up; code that must speak the provider's dialect reads it.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString);
