using Changxing.Messaging.Data;

namespace Changxing.SystemHarness;

/// <summary>How <see cref="SystemUnderTest"/> runs the services: which database, which build, and extra settings.</summary>
public sealed record SystemOptions
{
    /// <summary>Sqlite (a temporary file per service) or Postgres (a throw-away database per service on TEST_POSTGRES).</summary>
    public DatabaseProvider Database { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Processes of each of Membership, Points and Ticketing, each on its own port, sharing the service's database and
    /// queues, with the gateway balancing across them. More than one needs PostgreSQL: SQLite is single-instance.
    /// </summary>
    public int Instances { get; init; } = 1;

    /// <summary>Prefix of the RabbitMQ virtual host, so leftovers say who made them.</summary>
    public string Label { get; init; } = "e2e";

    /// <summary>
    /// Points runs this many days ahead of the other services (DevelopmentClock). A back-registration (补登) is credited
    /// only for a real money-paid ticket whose train has left, in Points' eyes, and Ticketing sells only trains that have
    /// not left yet: with Points ahead, a ticket sold now for a train leaving within these days can be back-registered at
    /// once, with no restart (<c>Journeys.EarnAsync</c>). 0 keeps Points on the machine's clock.
    /// </summary>
    public int PointsClockAheadDays { get; init; } = 3;

    /// <summary>
    /// The checkout whose built services run (each from its services/&lt;name&gt;/bin/&lt;configuration&gt;/net10.0); null for
    /// the one the harness was built from. The benchmark's <c>compare</c> runs two builds side by side this way.
    /// </summary>
    public string? Build { get; init; }

    /// <summary>Settings given to every service process (e.g. raised rate limits for a load test); they win over the defaults.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
