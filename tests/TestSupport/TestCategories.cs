namespace Changxing.TestSupport;

/// <summary>
/// Trait values. Tests marked <c>[Trait("Category", TestCategories.Database)]</c> run twice in the test command:
/// on SQLite with the rest, then again on PostgreSQL (<c>TEST_DATABASE_PROVIDER=Postgres</c>).
/// </summary>
public static class TestCategories
{
    public const string Database = nameof(Database);
    public const string EndToEnd = nameof(EndToEnd);

    /// <summary>Drives the web front end in Chromium over the real processes (tests/Web.Tests).</summary>
    public const string Browser = nameof(Browser);
}
