using Changxing.Messaging.Data;

namespace Changxing.Messaging.Tests.Data;

public sealed class DatabaseOptionsSpecs
{
    [Fact]
    public void Should_give_each_service_its_own_sqlite_file_under_the_data_directory()
    {
        var options = new DatabaseOptions { DataDirectory = "/var/lib/changxing" };

        var points = DatabaseRegistration.ResolveConnectionString(options, "Changxing.Points");
        var ticketing = DatabaseRegistration.ResolveConnectionString(options, "Changxing.Ticketing");

        Assert.Contains("Data Source=/var/lib/changxing/points.db", points, StringComparison.Ordinal);
        Assert.Contains("Data Source=/var/lib/changxing/ticketing.db", ticketing, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Should_explain_that_a_server_provider_needs_a_connection_string(DatabaseProvider provider)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DatabaseRegistration.ResolveConnectionString(new DatabaseOptions { Provider = provider }, "Changxing.Points"));

        Assert.Contains("Database__ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_prefer_the_configured_connection_string()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = "Server=db;Database=points" };

        Assert.Equal("Server=db;Database=points", DatabaseRegistration.ResolveConnectionString(options, "Changxing.Points"));
    }

    [Fact]
    public void Should_let_Npgsql_prepare_repeated_statements_unless_the_connection_string_says_otherwise()
    {
        var plain = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=db;Database=points;" };
        var chosen = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=db;Database=points;max auto prepare=0" };

        var prepared = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseRegistration.ResolveConnectionString(plain, "Changxing.Points"));
        var asChosen = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseRegistration.ResolveConnectionString(chosen, "Changxing.Points"));

        Assert.Equal(("db", "points", 32, 2), (prepared.Host, prepared.Database, prepared.MaxAutoPrepare, prepared.AutoPrepareMinUsages));
        Assert.Equal(0, asChosen.MaxAutoPrepare);
    }
}
