using YamlDotNet.RepresentationModel;

namespace Changxing.Deployment.Tests;

/// <summary>docker-compose.yml as docker-compose itself resolves it: anchors merged, <c>.env.example</c> substituted.</summary>
internal sealed class ComposeFile
{
    private ComposeFile(IReadOnlyDictionary<string, ComposeService> services) => Services = services;

    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    /// <summary>The services built from this repository's Dockerfiles.</summary>
    public IEnumerable<ComposeService> Applications => Services.Values.Where(s => s.Dockerfile is not null);

    private static readonly Lazy<Task<ComposeFile>> Resolved = new(ResolveAsync);

    /// <summary>Resolved once per test run: docker-compose takes seconds to start.</summary>
    public static Task<ComposeFile> LoadAsync() => Resolved.Value;

    private static async Task<ComposeFile> ResolveAsync()
    {
        var (exitCode, output, error) = await DockerCompose.RunAsync("--env-file", ".env.example", "config");
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
