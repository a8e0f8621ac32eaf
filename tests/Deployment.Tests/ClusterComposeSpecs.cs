using System.Text.RegularExpressions;

namespace Changxing.Deployment.Tests;

/// <summary>
/// docker-compose.cluster.yml, laid over docker-compose.yml: three RabbitMQ nodes in one cluster and the services on
/// quorum queues. No Docker engine here: docker-compose resolves the two files, and the result is checked.
/// </summary>
public sealed class ClusterComposeSpecs
{
    private static readonly string[] Nodes = ["rabbitmq", "rabbitmq-2", "rabbitmq-3"];
    private static readonly string[] BusServices = ["membership", "points", "ticketing"];

    [Fact]
    public async Task Should_leave_the_default_file_on_one_node_with_classic_queues()
    {
        var compose = await ComposeFile.LoadAsync();

        Assert.Equal(["rabbitmq"], compose.Services.Values.Where(s => s.Image?.StartsWith("rabbitmq:", StringComparison.Ordinal) == true).Select(s => s.Name));
        Assert.All(BusServices, s => Assert.DoesNotContain("Bus__QueueType", compose.Services[s].Environment.Keys));
    }

    [Fact]
    public async Task Should_run_three_named_nodes_sharing_the_cookie_of_the_env_file_and_listed_in_the_peer_discovery_file()
    {
        var compose = await ComposeFile.LoadClusterAsync();
        var conf = File.ReadAllText(Repository.PathOf("deploy/rabbitmq/cluster.conf"));
        var listed = Regex.Matches(conf, @"(?m)^cluster_formation\.classic_config\.nodes\.\d+\s*=\s*(\S+)\s*$").Select(m => m.Groups[1].Value);

        Assert.Equal(Nodes, compose.Services.Values.Where(s => s.Image?.StartsWith("rabbitmq:", StringComparison.Ordinal) == true).Select(s => s.Name).Order());
        Assert.Equal(["rabbit@rabbitmq-1", "rabbit@rabbitmq-2", "rabbit@rabbitmq-3"], listed);
        Assert.Contains("cluster_formation.peer_discovery_backend = classic_config", conf, StringComparison.Ordinal);
        var cookie = ExampleValue("RABBITMQ_ERLANG_COOKIE");
        foreach (var node in Nodes.Select(n => compose.Services[n]))
        {
            Assert.Equal($"rabbit@{node.Hostname}", node.Environment["RABBITMQ_NODENAME"]);
            Assert.Equal(cookie, node.Environment["RABBITMQ_ERLANG_COOKIE"]);
            Assert.Contains("/etc/rabbitmq/conf.d/20-cluster.conf", node.VolumeTargets);
            Assert.Contains("/var/lib/rabbitmq", node.VolumeTargets);
            Assert.True(node.HasHealthcheck, $"{node.Name} has no healthcheck");
        }

        // The first node forms the cluster alone; the others join it once it is up.
        Assert.Equal(new Dictionary<string, string> { ["rabbitmq"] = "service_healthy" }, compose.Services["rabbitmq-2"].DependsOn);
        Assert.Equal(new Dictionary<string, string> { ["rabbitmq"] = "service_healthy" }, compose.Services["rabbitmq-3"].DependsOn);
    }

    [Fact]
    public async Task Should_declare_quorum_queues_and_start_the_services_once_every_node_is_healthy()
    {
        var compose = await ComposeFile.LoadClusterAsync();
        var healthy = Nodes.Append("sqlserver").ToDictionary(s => s, _ => "service_healthy");

        foreach (var service in BusServices.Select(s => compose.Services[s]))
        {
            Assert.Equal("Quorum", service.Environment.GetValueOrDefault("Bus__QueueType"));
            Assert.Equal("rabbitmq", service.Environment.GetValueOrDefault("RabbitMq__Host"));
            Assert.Equal(healthy, service.DependsOn);
        }
    }

    [Fact]
    public async Task Should_publish_no_more_than_the_default_file()
    {
        var compose = await ComposeFile.LoadClusterAsync();

        Assert.Equal(["gateway", "rabbitmq"], compose.Services.Values.Where(s => s.PublishedPorts.Count > 0).Select(s => s.Name).Order());
    }

    [Fact]
    public async Task Should_refuse_to_start_without_an_erlang_cookie_in_the_env_file()
    {
        var withoutCookie = Path.GetTempFileName();
        await File.WriteAllLinesAsync(withoutCookie, File.ReadAllLines(Repository.PathOf(".env.example")).Where(l => !l.StartsWith("RABBITMQ_ERLANG_COOKIE=", StringComparison.Ordinal)));
        var (exitCode, _, error) = await DockerCompose.RunAsync([.. ComposeFile.ClusterFiles, "--env-file", withoutCookie, "config", "-q"]);
        File.Delete(withoutCookie);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("set RABBITMQ_ERLANG_COOKIE in .env", error, StringComparison.Ordinal);
        Assert.Matches(@"RABBITMQ_ERLANG_COOKIE:\s*\$\{RABBITMQ_ERLANG_COOKIE:\?", File.ReadAllText(Repository.PathOf("docker-compose.cluster.yml")));
    }

    private static string ExampleValue(string name) =>
        File.ReadAllLines(Repository.PathOf(".env.example")).Single(l => l.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];
}
