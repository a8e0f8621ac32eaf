using Changxing.EndToEnd.Infrastructure;
using Changxing.SystemHarness;
using Changxing.SystemHarness.Scenarios;
using Xunit.Abstractions;

namespace Changxing.EndToEnd;

public sealed class LogHygieneSpecs(SystemUnderTest system, ITestOutputHelper output) : EndToEndTest(system, output)
{
    private readonly Journeys _journeys = new(system);

    [Fact]
    public Task Should_never_write_passwords_authorisation_codes_or_id_numbers_to_any_log() => Scenario(async () =>
    {
        var (train, date, price) = await _journeys.FindRedeemableAsync();
        using var member = await _journeys.SignUpAsync(new DateOnly(1952, 2, 2));
        await _journeys.ActivateAsync(member);
        while ((await _journeys.BalanceAsync(member)).GetProperty("available").GetInt64() < price)
        {
            await _journeys.EarnAsync(member, 2_000m);
        }

        await _journeys.SetConsumptionPasswordAsync(member);
        using (await _journeys.AuthoriseWithAsync(member, "000111"))
        {
        }

        var code = await _journeys.AuthoriseAsync(member);
        await _journeys.WaitFinishedAsync(member, await _journeys.RedeemAsync(member, train, date, code));

        var logs = string.Join('\n', SystemUnderTest.Services.Append("Gateway").SelectMany(s => System[s].Log));
        Assert.DoesNotContain(member.IdNumber, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(code, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Journeys.ConsumptionPassword, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Journeys.LoginPassword, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("dev-only-Operator-2026", logs, StringComparison.Ordinal);
    });
}
