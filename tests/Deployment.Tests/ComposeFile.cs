using YamlDotNet.RepresentationModel;

namespace Changxing.Deployment.Tests;

/// <summary>
/// docker-compose.yml as docker-compose itself resolves it: anchors merged, <c>.env.example</c> substituted; or with
/// docker-compose.cluster.yml laid over it (<see cref="LoadClusterAsync"/>).
/// </summary>
internal sealed class ComposeFile
{
    private ComposeFile(IReadOnlyDictionary<string, ComposeService> services) => Services = services;

    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    /// <summary>The services built from this repository's Dockerfiles.</summary>
    public IEnumerable<ComposeService> Applications => Services.Values.Where(s => s.Dockerfile is not null);

    /// <summary>The arguments that lay the RabbitMQ cluster over the default file.</summary>
    public static readonly string[] ClusterFiles = ["-f", "docker-compose.yml", "-f", "docker-compose.cluster.yml"];

    private static readonly Lazy<Task<ComposeFile>> Resolved = new(() => ResolveAsync());
    private static readonly Lazy<Task<ComposeFile>> ResolvedCluster = new(() => ResolveAsync(ClusterFiles));

    /// <summary>Resolved once per test run: docker-compose takes seconds to start.</summary>
    public static Task<ComposeFile> LoadAsync() => Resolved.Value;

    /// <summary>docker-compose.yml with docker-compose.cluster.yml laid over it, resolved once per test run.</summary>
    public static Task<ComposeFile> LoadClusterAsync() => ResolvedCluster.Value;

    private static async Task<ComposeFile> ResolveAsync(params string[] files)
    {
        var (exitCode, output, error) = await DockerCompose.RunAsync([.. files, "--env-file", ".env.example", "config"]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"docker-compose config failed ({exitCode}): {error}");
        }

        var yaml = new YamlStream();
        yaml.Load(new StringReader(output));
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
        return new ComposeFile(services.Children.ToDictionary(
            c => ((YamlScalarNode)c.Key).Value!,
            c => new ComposeService(((YamlScalarNode)c.Key).Value!, (YamlMappingNode)c.Value)));
    }
}
