using Changxing.EndToEnd.Infrastructure;
using Changxing.SystemHarness;
using Changxing.SystemHarness.Scenarios;
using Changxing.TestSupport;
using Xunit.Abstractions;

namespace Changxing.EndToEnd;

/// <summary>
/// The outbox across a real crash: Points commits a reserve and, with it, its answer to the saga, and is killed
/// (kill -9) before the answer reaches the broker. After the restart the stored answer is delivered and the
/// redemption completes; nothing waits for a step deadline to send the command again.
/// </summary>
public sealed class OutboxCrashSpecs(SystemUnderTest system, ITestOutputHelper output) : EndToEndTest(system, output)
{
    private const string NoDelivery = "Outbox__DeliveryEnabled";

    private readonly Journeys _journeys = new(system);

    [Fact]
    public Task Should_deliver_the_outbox_message_a_killed_service_committed_and_never_sent_once_it_restarts() => Scenario(async () =>
    {
        var (train, date, price) = await _journeys.FindRedeemableAsync();
        using var member = await _journeys.RichMemberAsync(price);
        var code = await _journeys.AuthoriseAsync(member);

        // Points stores what it sends but does not send it: the state of a process killed between its commit and the broker.
        System["Points"].SetEnvironment(NoDelivery, "false");
        await System.RestartAsync("Points");
        var delivering = false;
        try
        {
            var id = await _journeys.RedeemAsync(member, train, date, code);
            await using (var points = await ServiceDatabase.OpenAsync(System, "Points"))
            {
                await Eventually.Until(() => PendingAsync(points, "PointsReserved"), pending => pending > 0, because: "Points committed the reserve and stored its answer");
            }

            Assert.Equal("ReservingPoints", (await member.Http.GetJsonAsync($"/api/redemptions/{id}")).Str("state"));
            Assert.Equal(price, (await _journeys.BalanceAsync(member)).GetProperty("held").GetInt64());

            await System["Points"].StopAsync(kill: true);
            System["Points"].SetEnvironment(NoDelivery, null);
            System["Points"].Start();
            delivering = true;
            await System.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));

            var done = await _journeys.WaitFinishedAsync(member, id);
            Assert.Equal("Completed", done.Str("state"));
            Assert.DoesNotContain(done.GetProperty("timeline").EnumerateArray(), e => e.Str("event") == "StepTimedOut" || e.Str("event") == "StepResent");
            Assert.Equal(price, (await _journeys.BalanceAsync(member)).GetProperty("captured").GetInt64());
            await using var restarted = await ServiceDatabase.OpenAsync(System, "Points");
            await Eventually.Until(() => PendingAsync(restarted, "%"), pending => pending == 0, because: "every stored message was delivered");
        }
        finally
        {
            // The next scenarios need a Points that delivers.
            System["Points"].SetEnvironment(NoDelivery, null);
            if (!delivering)
            {
                await System.RestartAsync("Points");
            }
        }
    });

    private static async Task<long> PendingAsync(ServiceDatabase database, string messageType) =>
        (await database.ListAsync(
            $"""SELECT COUNT(*) FROM "OutboxMessage" WHERE "Delivered" IS NULL AND "MessageType" LIKE '%{messageType}%'""",
            reader => reader.GetInt64(0))).Single();
}
