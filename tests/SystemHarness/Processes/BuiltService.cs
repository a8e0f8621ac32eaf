namespace Changxing.SystemHarness;

/// <summary>Where a service's built output lives. The fixture builds nothing: the test command builds the solution first.</summary>
public sealed record BuiltService(string Name, string Directory, string Assembly)
{
    /// <param name="name">The service's folder under services/.</param>
    /// <param name="repository">The checkout whose build runs; null for the one these tests were built from.</param>
    public static BuiltService Locate(string name, string? repository = null)
    {
        repository ??= RepositoryRoot();
        // The tests run from tests/EndToEnd/bin/<Configuration>/net10.0: use the same configuration for the services.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var directory = Path.Combine(repository, "services", name, "bin", configuration, "net10.0");
        var assembly = Path.Combine(directory, $"Changxing.{name}.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} does not exist: build the solution in {repository} ({configuration}) first.");
        }

        return new BuiltService(name, directory, assembly);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Changxing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Changxing.sln not found above " + AppContext.BaseDirectory);
    }
}
