using YamlDotNet.RepresentationModel;

namespace Changxing.Deployment.Tests;

/// <summary>One service of the resolved compose file, read the way the specs need it.</summary>
internal sealed record ComposeService(string Name, YamlMappingNode Node)
{
    public string? Dockerfile => Child("build") is YamlMappingNode build ? Scalar(build, "dockerfile") : null;

    public IReadOnlyDictionary<string, string> Environment => Pairs(Child("environment"));

    public string? Image => Scalar(Node, "image");

    public string? Hostname => Scalar(Node, "hostname");

    /// <summary>Service name to its condition (<c>service_healthy</c>...).</summary>
    public IReadOnlyDictionary<string, string> DependsOn => Child("depends_on") is YamlMappingNode dependencies
        ? dependencies.Children.ToDictionary(d => ((YamlScalarNode)d.Key).Value!, d => Scalar((YamlMappingNode)d.Value, "condition") ?? "")
        : new Dictionary<string, string>();

    public bool HasHealthcheck => Child("healthcheck") is YamlMappingNode;

    /// <summary>Container paths of the volumes (<c>name:/path:rw</c>).</summary>
    public IReadOnlyList<string> VolumeTargets => Items("volumes").Select(v => v.Split(':')[1]).ToList();

    /// <summary>Ports published on the host, as docker-compose prints them (<c>127.0.0.1:15672:15672/tcp</c>, or <c>8080:8080</c>).</summary>
    public IReadOnlyList<string> PublishedPorts => Child("ports") is YamlSequenceNode ports
        ? ports.Children.Select(p => p is YamlMappingNode m ? $"{Scalar(m, "published")}:{Scalar(m, "target")}" : ((YamlScalarNode)p).Value!).ToList()
        : [];

    private YamlNode? Child(string key) => Node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private IEnumerable<string> Items(string key) =>
        Child(key) is YamlSequenceNode items ? items.Children.Select(i => ((YamlScalarNode)i).Value!) : [];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static Dictionary<string, string> Pairs(YamlNode? node) => node is YamlMappingNode map
        ? map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? "")
        : [];
}
