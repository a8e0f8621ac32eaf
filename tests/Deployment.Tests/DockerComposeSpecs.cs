using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Changxing.Deployment.Tests;

/// <summary>There is no Docker engine here, so the compose file is validated by docker-compose itself and checked against the repository.</summary>
public sealed partial class DockerComposeSpecs
{
    private static readonly string Compose = File.ReadAllText(Repository.PathOf("docker-compose.yml"));

    [Fact]
    public async Task Should_be_a_valid_compose_file_with_the_example_environment()
    {
        var (exitCode, output) = await Run("docker-compose", "--env-file", ".env.example", "config", "-q");

        Assert.True(exitCode == 0, $"docker-compose config failed ({exitCode}): {output}");
    }

    [Fact]
    public async Task Should_refuse_to_start_without_the_secrets_of_an_env_file()
    {
        var empty = Path.GetTempFileName();
        var (exitCode, output) = await Run("docker-compose", "--env-file", empty, "config", "-q");
        File.Delete(empty);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("in .env", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_build_every_service_from_a_Dockerfile_that_exists()
    {
        var dockerfiles = DockerfilePattern().Matches(Compose).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(["services/Membership/Dockerfile", "services/Points/Dockerfile", "services/Ticketing/Dockerfile", "services/Gateway/Dockerfile"], dockerfiles);
        Assert.All(dockerfiles, f => Assert.True(File.Exists(Repository.PathOf(f)), f + " is missing"));
    }

    [Theory]
    [InlineData("Membership")]
    [InlineData("Points")]
    [InlineData("Ticketing")]
    [InlineData("Gateway")]
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

    private static async Task<(int ExitCode, string Output)> Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{file} is not installed; scripts/test.sh installs it (apt-get install docker-compose).", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout + await stderr);
        }
    }

    [GeneratedRegex(@"dockerfile:\s*(\S+)")]
    private static partial Regex DockerfilePattern();
}
