using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Net.Http.Json;
using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Membership.ConsumptionPassword;
using Changxing.Membership.Data;
using Changxing.Membership.PaymentAuthorisations;
using Changxing.Membership.Tests.Support;
using Changxing.Messaging.Outbox;
using Changxing.TestSupport;
using MassTransit;
using MassTransit.DependencyInjection;
using MassTransit.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Changxing.Membership.Tests.Api;

[Trait("Category", TestCategories.Database)]
public sealed class ConsumptionPasswordApiSpecs(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>
{
    /// <summary>README: login passwords are stored only as Identity v3 hashes, PBKDF2 HMAC-SHA512, 100,000 iterations, salted.</summary>
    private const int Pbkdf2Iterations = 100_000;

    [Fact]
    public async Task Should_store_login_passwords_as_salted_pbkdf2_and_consumption_passwords_as_a_keyed_hmac()
    {
        var first = await MemberSession.RegisterAsync(factory);
        var second = await MemberSession.RegisterAsync(factory);
        await first.SetConsumptionPasswordAsync("258036");
        await second.SetConsumptionPasswordAsync("258036");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var ids = new[] { first.MemberId, second.MemberId };
        var loginHashes = await db.Members.Where(m => ids.Contains(m.Id)).Select(m => m.PasswordHash).ToListAsync();
        var consumptionHashes = await db.ConsumptionPasswords.Where(c => ids.Contains(c.MemberId)).Select(c => c.Hash).ToListAsync();

        foreach (var (hashes, assert) in new[]
                 {
                     (loginHashes, (Action<string>)(hash => AssertPbkdf2Of(MemberSession.DefaultPassword, hash))),
                     (consumptionHashes, hash => AssertDevelopmentKeyHmacOf("258036", hash)),
                 })
        {
            Assert.Equal(2, hashes.Count);
            Assert.NotEqual(hashes[0], hashes[1]); // the same password, two salts
            Assert.All(hashes, assert);
        }
    }

    [Fact]
    public async Task Should_rehash_a_pbkdf2_consumption_password_under_the_key_on_the_next_right_entry()
    {
        var member = await MemberSession.RegisterAsync(factory);
        await member.SetConsumptionPasswordAsync("258036");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // What the service stored before consumption passwords moved to the keyed hash.
            var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            var legacy = new Microsoft.AspNetCore.Identity.PasswordHasher<object>().HashPassword(new object(), "258036");
            await db.ConsumptionPasswords.Where(c => c.MemberId == member.MemberId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Hash, legacy));
        }

        await Problems.AssertAsync(await member.Client.PostAsJsonAsync("/api/membership/payment-authorisations", new PaymentAuthorisationRequest("741852")),
            HttpStatusCode.Forbidden, ReasonCodes.WrongConsumptionPassword);
        Assert.StartsWith("AQAAAA", await StoredHashAsync(member.MemberId)); // a wrong entry changes nothing

        Assert.Equal(HttpStatusCode.Created, (await member.Client.PostAsJsonAsync("/api/membership/payment-authorisations", new PaymentAuthorisationRequest("258036"))).StatusCode);
        AssertDevelopmentKeyHmacOf("258036", await StoredHashAsync(member.MemberId));
        Assert.Equal(HttpStatusCode.Created, (await member.Client.PostAsJsonAsync("/api/membership/payment-authorisations", new PaymentAuthorisationRequest("258036"))).StatusCode);
    }

    private async Task<string> StoredHashAsync(Guid memberId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        return await db.ConsumptionPasswords.Where(c => c.MemberId == memberId).Select(c => c.Hash).SingleAsync();
    }

    /// <summary>hmac1$key id$salt$HMAC-SHA256(key, salt ‖ password), computed here apart from the code.</summary>
    private static void AssertDevelopmentKeyHmacOf(string password, string stored)
    {
        Assert.DoesNotContain(password, stored);
        var parts = stored.Split('$');
        Assert.Equal(4, parts.Length);
        Assert.Equal(["hmac1", MembershipOptions.DevelopmentConsumptionPasswordKeyId], parts[..2]);
        var salt = Convert.FromBase64String(parts[2]);
        Assert.Equal(16, salt.Length);
        var key = System.Text.Encoding.UTF8.GetBytes(MembershipOptions.DevelopmentConsumptionPasswordKey);
        Assert.Equal(HMACSHA256.HashData(key, salt.Concat(System.Text.Encoding.UTF8.GetBytes(password)).ToArray()), Convert.FromBase64String(parts[3]));
    }

    /// <summary>Identity's v3 layout: 0x01, PRF (2 = HMAC-SHA512), iterations, salt length, salt, subkey; all big-endian.</summary>
    private static void AssertPbkdf2Of(string secret, string stored)
    {
        Assert.DoesNotContain(secret, stored);
        var bytes = Convert.FromBase64String(stored);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)));
        Assert.Equal((uint)Pbkdf2Iterations, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)));
        var saltLength = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9));
        Assert.True(saltLength >= 16, "a salt of at least 128 bits");
        var salt = bytes.AsSpan(13, saltLength).ToArray();
        var subkey = bytes.AsSpan(13 + saltLength).ToArray();
        Assert.Equal(subkey, Rfc2898DeriveBytes.Pbkdf2(secret, salt, Pbkdf2Iterations, HashAlgorithmName.SHA512, subkey.Length));
    }

    [Fact]
    public async Task Should_set_the_password_once_and_refuse_trivial_ones()
    {
        var member = await MemberSession.RegisterAsync(factory);
        await Problems.AssertAsync(await member.Client.PostAsJsonAsync("/api/membership/consumption-password", new SetConsumptionPasswordRequest("123456")),
            HttpStatusCode.BadRequest, MembershipReasonCodes.TrivialConsumptionPassword);
        await Problems.AssertAsync(await member.Client.PostAsJsonAsync("/api/membership/consumption-password", new SetConsumptionPasswordRequest("12a45")),
            HttpStatusCode.BadRequest, MembershipReasonCodes.TrivialConsumptionPassword);

        var set = await member.Client.PostAsJsonAsync("/api/membership/consumption-password", new SetConsumptionPasswordRequest("258036"));
        Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        await Problems.AssertAsync(await member.Client.PostAsJsonAsync("/api/membership/consumption-password", new SetConsumptionPasswordRequest("741852")),
            HttpStatusCode.Conflict, MembershipReasonCodes.ConsumptionPasswordAlreadySet);

        var status = await member.Client.GetFromJsonAsync<ConsumptionPasswordStatus>("/api/membership/consumption-password", Json.Options);
        Assert.True(status!.IsSet);
        Assert.Equal(5, status.AttemptsLeft);
    }

    [Fact]
    public async Task Should_change_the_password_only_with_the_right_login_password()
    {
        var member = await MemberSession.RegisterAsync(factory);
        await Problems.AssertAsync(await member.Client.PutAsJsonAsync("/api/membership/consumption-password", new ChangeConsumptionPasswordRequest(member.Password, "741852")),
            HttpStatusCode.Conflict, ReasonCodes.ConsumptionPasswordNotSet);
        await member.SetConsumptionPasswordAsync("258036");

        await Problems.AssertAsync(await member.Client.PutAsJsonAsync("/api/membership/consumption-password", new ChangeConsumptionPasswordRequest("Wrong-Pass-1", "741852")),
            HttpStatusCode.Forbidden, MembershipReasonCodes.InvalidCredentials);
        await Problems.AssertAsync(await member.Client.PutAsJsonAsync("/api/membership/consumption-password", new ChangeConsumptionPasswordRequest(member.Password, "111111")),
            HttpStatusCode.BadRequest, MembershipReasonCodes.TrivialConsumptionPassword);

        var changed = await member.Client.PutAsJsonAsync("/api/membership/consumption-password", new ChangeConsumptionPasswordRequest(member.Password, "741852"));
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await member.Client.PostAsJsonAsync("/api/membership/payment-authorisations", new PaymentAuthorisationRequest("741852"))).StatusCode);
    }

    [Fact]
    public async Task Should_issue_a_one_time_authorisation_valid_five_minutes_for_the_right_password()
    {
        var member = await MemberSession.RegisterAsync(factory);
        await member.SetConsumptionPasswordAsync();
        var response = await member.Client.PostAsJsonAsync("/api/membership/payment-authorisations", new PaymentAuthorisationRequest("258036"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = (await response.Content.ReadFromJsonAsync<PaymentAuthorisationIssued>(Json.Options))!;
        Assert.True(issued.AuthorisationCode.Length >= 40);
        Assert.Equal(factory.Clock.GetUtcNow().AddMinutes(5), issued.ExpiresAt);
    }

    [Fact]
    public async Task Should_answer_403_with_attempts_left_and_publish_password_rejected_for_a_wrong_password()
    {
        var member = await MemberSession.RegisterAsync(factory);
        await member.SetConsumptionPasswordAsync();
        var response = await member.Client.PostAsJsonAsync("/api/membership/payment-authorisations", new PaymentAuthorisationRequest("000001"));
        var problem = await Problems.AssertAsync(response, HttpStatusCode.Forbidden, ReasonCodes.WrongConsumptionPassword);
        Assert.Equal(4, problem.GetProperty("attemptsLeft").GetInt32());
        Assert.True(await factory.Harness.Published.Any<PaymentPasswordRejected>(m => m.Context.Message.MemberId == member.MemberId && m.Context.Message.AttemptsLeft == 4));
    }

    [Fact]
    public async Task Should_lock_after_five_wrong_entries_refuse_even_the_right_one_and_release_after_30_minutes()
    {
        var member = await MemberSession.RegisterAsync(factory);
        await member.SetConsumptionPasswordAsync();
        for (var i = 1; i <= 4; i++)
        {
            await Problems.AssertAsync(await member.Client.PostAsJsonAsync("/api/membership/payment-authorisations", new PaymentAuthorisationRequest("000001")),
                HttpStatusCode.Forbidden, ReasonCodes.WrongConsumptionPassword);
        }

        var fifth = await Problems.AssertAsync(await member.Client.PostAsJsonAsync("/api/membership/payment-authorisations", new PaymentAuthorisationRequest("000001")),
            HttpStatusCode.Forbidden, ReasonCodes.ConsumptionPasswordLocked);
        Assert.Equal(0, fifth.GetProperty("attemptsLeft").GetInt32());
        Assert.True(await factory.Harness.Published.Any<PaymentPasswordRejected>(m => m.Context.Message.MemberId == member.MemberId && m.Context.Message.Locked));

        await Problems.AssertAsync(await member.Client.PostAsJsonAsync("/api/membership/payment-authorisations", new PaymentAuthorisationRequest("258036")),
            HttpStatusCode.Forbidden, ReasonCodes.ConsumptionPasswordLocked);

        factory.Clock.Advance(TimeSpan.FromMinutes(29));
        await Problems.AssertAsync(await member.Client.PostAsJsonAsync("/api/membership/payment-authorisations", new PaymentAuthorisationRequest("258036")),
            HttpStatusCode.Forbidden, ReasonCodes.ConsumptionPasswordLocked);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Created, (await member.Client.PostAsJsonAsync("/api/membership/payment-authorisations", new PaymentAuthorisationRequest("258036"))).StatusCode);
    }

    [Fact]
    public async Task Should_show_the_lock_with_its_end_and_lift_it_when_the_password_is_changed_with_the_login_password()
    {
        var member = await MemberSession.RegisterAsync(factory);
        await member.SetConsumptionPasswordAsync();
        var lockedUntil = factory.Clock.GetUtcNow() + ConsumptionPasswordPolicy.LockDuration;
        for (var i = 1; i < ConsumptionPasswordPolicy.MaxConsecutiveFailures; i++)
        {
            (await member.Client.PostAsJsonAsync("/api/membership/payment-authorisations", new PaymentAuthorisationRequest("000001"))).Dispose();
        }

        var locked = await Problems.AssertAsync(await member.Client.PostAsJsonAsync("/api/membership/payment-authorisations", new PaymentAuthorisationRequest("000001")),
            HttpStatusCode.Forbidden, ReasonCodes.ConsumptionPasswordLocked);
        Assert.Equal(lockedUntil, locked.GetProperty("lockedUntil").GetDateTimeOffset());
        Assert.Equal(new ConsumptionPasswordStatus(true, true, lockedUntil, 0), await StatusAsync(member));

        // The lock stands against a change made without the login password.
        await Problems.AssertAsync(await member.Client.PutAsJsonAsync("/api/membership/consumption-password", new ChangeConsumptionPasswordRequest("Wrong-Pass-1", "741852")),
            HttpStatusCode.Forbidden, MembershipReasonCodes.InvalidCredentials);
        Assert.True((await StatusAsync(member)).Locked);

        var changed = await member.Client.PutAsJsonAsync("/api/membership/consumption-password", new ChangeConsumptionPasswordRequest(member.Password, "741852"));
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(new ConsumptionPasswordStatus(true, false, null, ConsumptionPasswordPolicy.MaxConsecutiveFailures), await StatusAsync(member));
        Assert.Equal(HttpStatusCode.Created, (await member.Client.PostAsJsonAsync("/api/membership/payment-authorisations", new PaymentAuthorisationRequest("741852"))).StatusCode);
    }

    [Fact]
    public async Task Should_count_one_of_two_wrong_entries_checked_at_once_and_answer_the_other_409_concurrent_attempt()
    {
        var member = await MemberSession.RegisterAsync(factory);
        await member.SetConsumptionPasswordAsync();
        var rendezvous = new ConsumptionPasswordSaveRendezvous(entries: 2);

        // The database outbox, as deployed: the event is stored with the failure it reports, so the loser, whose save
        // fails, stores none (MassTransit's in-memory outbox would have sent the loser's at once).
        await using var racing = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Bus:Outbox", "Database");
            b.ConfigureTestServices(services =>
            {
                rendezvous.Register(services);

                // The test harness, added after the service's bus, put MassTransit's default scoped bus back.
                services.Replace(ServiceDescriptor.Scoped<IScopedBusContextProvider<IBus>, EntityFrameworkScopedBusContextProvider<MembershipDbContext>>());
            });
        });
        var client = racing.CreateClient();
        client.DefaultRequestHeaders.Authorization = member.Client.DefaultRequestHeaders.Authorization;

        var answers = await Task.WhenAll(Enumerable.Range(0, rendezvous.Entries).Select(_ =>
            client.PostAsJsonAsync("/api/membership/payment-authorisations", new PaymentAuthorisationRequest("000001"))));

        var counted = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Forbidden);
        var problem = await Problems.AssertAsync(counted, HttpStatusCode.Forbidden, ReasonCodes.WrongConsumptionPassword);
        Assert.Equal(4, problem.GetProperty("attemptsLeft").GetInt32());
        var loser = await Problems.AssertAsync(Assert.Single(answers, a => a != counted), HttpStatusCode.Conflict, MembershipReasonCodes.ConcurrentAttempt);
        Assert.False(loser.TryGetProperty("attemptsLeft", out _)); // the loser learns nothing about its password
        Assert.Equal(4, (await StatusAsync(member)).AttemptsLeft);
        await using var scope = racing.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<MembershipDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MessageType.Contains(nameof(PaymentPasswordRejected)) && m.Body.Contains(member.MemberId.ToString()))
            .ToListAsync();
        Assert.Single(stored);
    }

    private static async Task<ConsumptionPasswordStatus> StatusAsync(MemberSession member) =>
        (await member.Client.GetFromJsonAsync<ConsumptionPasswordStatus>("/api/membership/consumption-password", Json.Options))!;

    [Fact]
    public async Task Should_answer_409_when_no_consumption_password_is_set()
    {
        var member = await MemberSession.RegisterAsync(factory);
        await Problems.AssertAsync(await member.Client.PostAsJsonAsync("/api/membership/payment-authorisations", new PaymentAuthorisationRequest("258036")),
            HttpStatusCode.Conflict, ReasonCodes.ConsumptionPasswordNotSet);
    }
}
