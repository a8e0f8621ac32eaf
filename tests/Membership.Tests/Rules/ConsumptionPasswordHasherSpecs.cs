using Changxing.Membership.Accounts;
using Changxing.Membership.ConsumptionPassword;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Changxing.Membership.Tests.Rules;

/// <summary>
/// The consumption password's keyed hash: HMAC-SHA256 under a secret the database does not hold, with a key id
/// beside each hash so keys can be rotated; required in Production, where the development key is refused.
/// </summary>
public sealed class ConsumptionPasswordHasherSpecs
{
    private const string KeyA = "first-consumption-password-key-of-32-bytes-or-more";
    private const string KeyB = "second-consumption-password-key-of-32-bytes-or-more";

    [Fact]
    public void Should_verify_the_right_password_and_refuse_every_other_one()
    {
        var hasher = Hasher(("a", KeyA));
        var hash = hasher.Hash("258036");

        Assert.Equal(ConsumptionPasswordCheck.Right, hasher.Verify(hash, "258036"));
        Assert.Equal(ConsumptionPasswordCheck.Wrong, hasher.Verify(hash, "258037"));
        Assert.Equal(ConsumptionPasswordCheck.Wrong, hasher.Verify(hash, ""));
        Assert.NotEqual(hash, hasher.Hash("258036")); // salted
    }

    [Fact]
    public void Should_not_verify_any_of_the_million_passwords_without_the_key()
    {
        var hash = Hasher(("a", KeyA)).Hash("258036");
        var withoutTheKey = Hasher(("a", KeyB)); // the database and the scheme, but another secret

        var found = Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6"))
            .Where(candidate => withoutTheKey.Verify(hash, candidate) != ConsumptionPasswordCheck.Wrong).ToList();

        Assert.Empty(found);
    }

    [Fact]
    public void Should_verify_a_hash_under_a_rotated_out_key_and_ask_for_a_rehash_under_the_current_one()
    {
        var old = Hasher(("a", KeyA)).Hash("258036");
        var rotated = Hasher(Environments.Development, "b", ("a", KeyA), ("b", KeyB));

        Assert.Equal(ConsumptionPasswordCheck.RehashNeeded, rotated.Verify(old, "258036"));
        Assert.Equal(ConsumptionPasswordCheck.Wrong, rotated.Verify(old, "258037"));
        var rehashed = rotated.Hash("258036");
        Assert.StartsWith("hmac1$b$", rehashed);
        Assert.Equal(ConsumptionPasswordCheck.Right, rotated.Verify(rehashed, "258036"));
    }

    [Fact]
    public void Should_refuse_to_check_a_hash_whose_key_was_removed_rather_than_count_a_wrong_entry()
    {
        var old = Hasher(("a", KeyA)).Hash("258036");
        var error = Assert.Throws<InvalidOperationException>(() => Hasher(("b", KeyB)).Verify(old, "258036"));
        Assert.Contains("'a'", error.Message);
    }

    [Fact]
    public void Should_require_a_key_in_production_and_refuse_the_development_one_there()
    {
        Assert.Contains("ConsumptionPasswordKeys must be set in Production", Assert.Throws<InvalidOperationException>(() => Hasher(Environments.Production)).Message);
        Assert.Contains("refused in Production", Assert.Throws<InvalidOperationException>(() =>
            Hasher(Environments.Production, ("dev", MembershipOptions.DevelopmentConsumptionPasswordKey))).Message);
        Assert.Equal(ConsumptionPasswordCheck.Right, Hasher(Environments.Production, ("a", KeyA)).Verify(Hasher(("a", KeyA)).Hash("258036"), "258036"));
    }

    [Fact]
    public void Should_use_the_development_key_outside_production_when_none_is_configured()
    {
        Assert.StartsWith($"hmac1${MembershipOptions.DevelopmentConsumptionPasswordKeyId}$", Hasher(Environments.Development).Hash("258036"));
    }

    [Theory]
    [InlineData("short", "key-of-32-bytes-or-more-........", null, "at least 32 bytes")]
    [InlineData("a", "too-short", null, "at least 32 bytes")]
    [InlineData("a$b", KeyA, null, "letters, digits")]
    [InlineData("a", KeyA, "c", "not among")]
    public void Should_refuse_a_bad_key_configuration_naming_the_key(string id, string secret, string? current, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ConsumptionPasswordHasher(
            Options.Create(new MembershipOptions { ConsumptionPasswordKeys = new() { [id] = id == "short" ? "x" : secret }, ConsumptionPasswordKeyId = current }),
            new HostingEnvironment { EnvironmentName = Environments.Development }, new SecretHasher()));
        Assert.Contains(expected, error.Message);
        Assert.Contains("ConsumptionPassword", error.Message);
    }

    [Fact]
    public void Should_need_the_current_key_named_when_several_are_configured()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Hasher(("a", KeyA), ("b", KeyB)));
        Assert.Contains("Membership:ConsumptionPasswordKeyId", error.Message);
    }

    private static ConsumptionPasswordHasher Hasher(params (string Id, string Secret)[] keys) => Hasher(Environments.Development, null, keys);

    private static ConsumptionPasswordHasher Hasher(string environment, params (string Id, string Secret)[] keys) => Hasher(environment, null, keys);

    private static ConsumptionPasswordHasher Hasher(string environment, string? current, params (string Id, string Secret)[] keys) =>
        new(Options.Create(new MembershipOptions { ConsumptionPasswordKeys = keys.ToDictionary(k => k.Id, k => k.Secret), ConsumptionPasswordKeyId = current }),
            new HostingEnvironment { EnvironmentName = environment }, new SecretHasher());
}
