namespace Changxing.Deployment.Tests;

internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
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
