using System.Text.RegularExpressions;

namespace Changxing.Deployment.Tests;

/// <summary>There is no Docker engine here, so the compose file is validated by docker-compose itself and checked against the repository.</summary>
public sealed partial class DockerComposeSpecs
{
    private static readonly string Compose = File.ReadAllText(Repository.PathOf("docker-compose.yml"));

    [Fact]
    public async Task Should_be_a_valid_compose_file_with_the_example_environment()
    {
        var (exitCode, output, error) = await DockerCompose.RunAsync("--env-file", ".env.example", "config", "-q");

        Assert.True(exitCode == 0, $"docker-compose config failed ({exitCode}): {output}{error}");
    }

    [Fact]
    public async Task Should_refuse_to_start_without_the_secrets_of_an_env_file()
    {
        var empty = Path.GetTempFileName();
        var (exitCode, _, error) = await DockerCompose.RunAsync("--env-file", empty, "config", "-q");
        File.Delete(empty);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("in .env", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_build_every_service_from_a_Dockerfile_that_exists()
    {
        var dockerfiles = DockerfilePattern().Matches(Compose).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(["services/Membership/Dockerfile", "services/Points/Dockerfile", "services/Ticketing/Dockerfile", "services/Web/Dockerfile", "services/Gateway/Dockerfile"], dockerfiles);
        Assert.All(dockerfiles, f => Assert.True(File.Exists(Repository.PathOf(f)), f + " is missing"));
    }

    [Theory]
    [InlineData("Membership")]
    [InlineData("Points")]
    [InlineData("Ticketing")]
    [InlineData("Gateway")]
    [InlineData("Web")]
    public void Should_build_each_image_in_two_stages_and_run_it_as_a_non_root_user(string service)
    {
        var dockerfile = File.ReadAllText(Repository.PathOf($"services/{service}/Dockerfile"));

        Assert.Equal(2, Regex.Count(dockerfile, "^FROM ", RegexOptions.Multiline));
        Assert.Matches(new Regex(@"^USER \$APP_UID", RegexOptions.Multiline), dockerfile);
        Assert.Contains($"Changxing.{service}.dll", dockerfile, StringComparison.Ordinal);
        Assert.Contains("HEALTHCHECK", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_take_every_password_from_the_environment_not_the_file()
    {
        var literalSecrets = Regex.Matches(Compose, @"(?im)^\s*[\w_]*(password|pass|signingkey|secret)[\w_]*:\s*(?!\$\{)(\S+)\s*$");

        Assert.Empty(literalSecrets);
        Assert.Contains(".env", File.ReadAllLines(Repository.PathOf(".gitignore")));
    }

    [Fact]
    public async Task Should_run_each_application_service_on_SqlServer_with_its_own_connection_string()
    {
        var compose = await ComposeFile.LoadAsync();

        foreach (var service in compose.Applications.Where(s => s.Name is not ("gateway" or "web")))
        {
            Assert.Equal("SqlServer", service.Environment.GetValueOrDefault("Database__Provider"));
            Assert.Contains($"Server=sqlserver;Database=changxing_{service.Name};", service.Environment.GetValueOrDefault("Database__ConnectionString"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_start_each_service_only_once_what_it_needs_is_healthy()
    {
        var compose = await ComposeFile.LoadAsync();
        var healthy = new Dictionary<string, string> { ["rabbitmq"] = "service_healthy", ["sqlserver"] = "service_healthy" };

        Assert.Equal(["gateway", "membership", "points", "ticketing", "web"], compose.Applications.Select(s => s.Name).Order());
        foreach (var service in compose.Applications.Where(s => s.Name is not ("gateway" or "web")))
        {
            Assert.Equal(healthy, service.DependsOn);
        }

        // The web app needs neither broker nor database: it calls the gateway, which waits for it to be healthy.
        Assert.Empty(compose.Services["web"].DependsOn);
        Assert.Equal(
            new Dictionary<string, string> { ["membership"] = "service_healthy", ["points"] = "service_healthy", ["ticketing"] = "service_healthy", ["web"] = "service_healthy" },
            compose.Services["gateway"].DependsOn);
        Assert.True(compose.Services["rabbitmq"].HasHealthcheck, "rabbitmq has no healthcheck");
        Assert.True(compose.Services["sqlserver"].HasHealthcheck, "sqlserver has no healthcheck");
    }

    [Fact]
    public async Task Should_publish_only_the_gateway_and_the_local_management_UI()
    {
        var compose = await ComposeFile.LoadAsync();
        var published = compose.Services.Values.Where(s => s.PublishedPorts.Count > 0).ToDictionary(s => s.Name, s => s.PublishedPorts);

        Assert.Equal(["gateway", "rabbitmq"], published.Keys.Order());
        Assert.Equal(["8080:8080"], published["gateway"]);
        Assert.Equal(["127.0.0.1:15672:15672/tcp"], published["rabbitmq"]);
    }

    [Fact]
    public async Task Should_give_the_non_root_user_every_volume_an_application_image_mounts()
    {
        var compose = await ComposeFile.LoadAsync();
        var mounts = compose.Applications.SelectMany(s => s.VolumeTargets.Select(target => (s.Dockerfile!, target))).ToList();

        Assert.NotEmpty(mounts);
        foreach (var (dockerfile, target) in mounts)
        {
            var lines = File.ReadAllLines(Repository.PathOf(dockerfile));
            var user = Array.FindLastIndex(lines, l => l.StartsWith("USER ", StringComparison.Ordinal));
            var prepared = lines.Take(user).Any(l => l.StartsWith("RUN ", StringComparison.Ordinal)
                && Regex.IsMatch(l, $@"mkdir -p (\S+ )*{Regex.Escape(target)}(\s|$)")
                && Regex.IsMatch(l, $@"chown (-R )?\$APP_UID (\S+ )*({string.Join('|', AncestorsAndSelf(target).Select(Regex.Escape))})(\s|$)"));
            Assert.True(prepared, $"{dockerfile} must create {target} and chown it to $APP_UID before USER: a volume mounted there is otherwise owned by root");
        }
    }

    private static IEnumerable<string> AncestorsAndSelf(string path)
    {
        for (var p = path.TrimEnd('/'); p.Length > 1; p = Path.GetDirectoryName(p)!)
        {
            yield return p;
        }
    }

    [GeneratedRegex(@"dockerfile:\s*(\S+)")]
    private static partial Regex DockerfilePattern();
}
