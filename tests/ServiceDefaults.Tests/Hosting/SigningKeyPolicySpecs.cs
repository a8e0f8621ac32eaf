using Changxing.ServiceDefaults.Auth;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Changxing.ServiceDefaults.Tests.Hosting;

public sealed class SigningKeyPolicySpecs
{
    [Fact]
    public void Should_use_the_development_key_when_none_is_configured_outside_production()
    {
        var key = SigningKeyPolicy.Resolve(new JwtOptions(), Environment("Development"));

        Assert.Equal(JwtOptions.DevelopmentSigningKey.Length, key.Key.Length);
    }

    [Fact]
    public void Should_refuse_to_start_in_production_without_a_configured_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SigningKeyPolicy.Resolve(new JwtOptions(), Environment("Production")));

        Assert.Contains("Auth:SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_the_development_key_in_production()
    {
        var options = new JwtOptions { SigningKey = JwtOptions.DevelopmentSigningKey };

        Assert.Throws<InvalidOperationException>(() => SigningKeyPolicy.Resolve(options, Environment("Production")));
    }

    [Fact]
    public void Should_refuse_a_key_shorter_than_32_bytes()
    {
        var options = new JwtOptions { SigningKey = "too-short" };

        Assert.Throws<InvalidOperationException>(() => SigningKeyPolicy.Resolve(options, Environment("Production")));
    }

    private static IHostEnvironment Environment(string name) => new FixedEnvironment(name);

    private sealed class FixedEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Changxing.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
