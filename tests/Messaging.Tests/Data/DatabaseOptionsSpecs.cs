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
    public void Should_let_Npgsql_prepare_repeated_statements_and_skip_the_session_reset_unless_the_connection_string_says_otherwise()
    {
        var plain = Resolve("Host=db;Database=points; ");

        Assert.Equal(("db", "points", 32, 2, true), (plain.Host, plain.Database, plain.MaxAutoPrepare, plain.AutoPrepareMinUsages, plain.NoResetOnClose));
    }

    [Theory]
    [InlineData("Host=db;Database=points;max auto prepare=0", 0, 2, true)]
    [InlineData("Host=db;Database=points;MaxAutoPrepare=0", 0, 2, true)]
    [InlineData("Host=db;Database=points;Auto Prepare Min Usages=5", 32, 5, true)]
    [InlineData("Host=db;Database=points;No Reset On Close=false", 32, 2, false)]
    [InlineData("Host=db;Database=points;NoResetOnClose=False;Max Auto Prepare=8", 8, 2, false)]
    public void Should_keep_each_setting_the_connection_string_names_in_any_spelling(string connectionString, int maxAutoPrepare, int minUsages, bool noResetOnClose)
    {
        var resolved = Resolve(connectionString);

        Assert.Equal(("db", "points", maxAutoPrepare, minUsages, noResetOnClose),
            (resolved.Host, resolved.Database, resolved.MaxAutoPrepare, resolved.AutoPrepareMinUsages, resolved.NoResetOnClose));
    }

    private static Npgsql.NpgsqlConnectionStringBuilder Resolve(string connectionString) =>
        new(DatabaseRegistration.ResolveConnectionString(
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString }, "Changxing.Points"));
}
