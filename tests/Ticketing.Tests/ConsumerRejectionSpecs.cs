using Changxing.Contracts;
using Changxing.Contracts.Ticketing;
using Changxing.ServiceDefaults.Outcomes;
using Changxing.TestSupport;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

/// <summary>
/// The reasons the redemption saga is given when no seat or ticket can be had. A fixture of its own: one test moves
/// the fake clock past the hold lifetime, which <see cref="ConsumerSpecs"/> must not see.
/// </summary>
[Trait("Category", TestCategories.Database)]
public class ConsumerRejectionSpecs(ConsumerTestHost host) : IClassFixture<ConsumerTestHost>
{
    private static readonly DateOnly Day = new(2026, 3, 14);

    private ITestHarness Harness => host.Services.GetRequiredService<ITestHarness>();

    [Fact]
    public async Task Should_refuse_a_redemption_ticket_with_SoldOut_when_no_seat_is_free_for_the_segment()
    {
        await AddRunAsync("G9311", rows: 1, letters: "A", quota: 10);
        Assert.NotNull((await IssueAsync("G9311", Guid.NewGuid(), "s1", "VNP", "NKH")).Value);

        var outcome = await IssueAsync("G9311", Guid.NewGuid(), "s2", "JGK", "AOH");

        Assert.Equal(ReasonCodes.SoldOut, outcome.Reason);
    }

    [Fact]
    public async Task Should_refuse_a_redemption_ticket_with_PassengerAlreadyHasTicket_for_a_second_seat_on_the_run()
    {
        await AddRunAsync("G9312", rows: 2, letters: "AB", quota: 10);
        Assert.NotNull((await IssueAsync("G9312", Guid.NewGuid(), "same-passenger")).Value);

        var outcome = await IssueAsync("G9312", Guid.NewGuid(), "same-passenger");

        Assert.Equal(ReasonCodes.PassengerAlreadyHasTicket, outcome.Reason);
    }

    [Fact]
    public async Task Should_refuse_a_redemption_ticket_with_QuotaExhausted_once_the_allotment_is_used_up_though_seats_are_left()
    {
        await AddRunAsync("G9313", rows: 2, letters: "AB", quota: 1);
        Assert.NotNull((await IssueAsync("G9313", Guid.NewGuid(), "q1")).Value);

        var outcome = await IssueAsync("G9313", Guid.NewGuid(), "q2");

        Assert.Equal(ReasonCodes.QuotaExhausted, outcome.Reason);
    }

    [Fact]
    public async Task Should_refuse_the_ticket_with_HoldExpired_for_a_seat_held_without_a_ticket_for_30_minutes()
    {
        await AddRunAsync("G9314", rows: 2, letters: "AB", quota: 10);
        var redemption = Guid.NewGuid();
        Assert.NotNull((await HoldAsync("G9314", redemption, "x1")).Value);

        host.Clock.Advance(TimeSpan.FromMinutes(30));
        var outcome = await IssueAsync("G9314", redemption, "x1");

        Assert.Equal(ReasonCodes.HoldExpired, outcome.Reason);
    }

    [Fact]
    public async Task Should_refuse_the_ticket_with_HoldAlreadyReleased_after_the_release_and_give_the_seat_to_someone_else()
    {
        await AddRunAsync("G9315", rows: 1, letters: "A", quota: 10);
        var redemption = Guid.NewGuid();
        Assert.NotNull((await HoldAsync("G9315", redemption, "r1")).Value);
        await Harness.GetRequestClient<ReleaseSeat>().GetResponse<SeatReleased>(new ReleaseSeat(redemption, "PointsReservationRejected"));

        var repeat = await IssueAsync("G9315", redemption, "r1");
        var other = await IssueAsync("G9315", Guid.NewGuid(), "r2");

        Assert.Equal(ReasonCodes.HoldAlreadyReleased, repeat.Reason);
        Assert.NotNull(other.Value);
    }

    [Fact]
    public async Task Should_not_answer_a_voided_redemption_ticket_as_issued()
    {
        await AddRunAsync("G9316", rows: 1, letters: "A", quota: 10);
        var redemption = Guid.NewGuid();
        Assert.NotNull((await IssueAsync("G9316", redemption, "v1")).Value);
        await Harness.GetRequestClient<VoidTicket>().GetResponse<TicketVoided>(new VoidTicket(redemption, "CaptureRefused"));

        var repeat = await IssueAsync("G9316", redemption, "v1");

        Assert.Null(repeat.Value);
        Assert.Equal(ReasonCodes.HoldAlreadyReleased, repeat.Reason);
    }

    /// <summary>A Beijing South–Shanghai Hongqiao test train with a second-class "兑" quota on <see cref="Day"/>.</summary>
    private async Task AddRunAsync(string train, int rows, string letters, int quota)
    {
        await host.AddTrainAsync(TicketingTestHost.TestTrain(train, "VNP JGK NKH AOH", rows, letters));
        await host.AddAllotmentAsync(train, Day, "Second", quota);
    }

    private Task<Outcome<Tickets.Ticket>> IssueAsync(string train, Guid redemption, string passenger, string from = "VNP", string to = "AOH") =>
        host.InScopeAsync(sp => sp.GetRequiredService<Tickets.TicketOffice>().IssueForRedemptionAsync(
            new Tickets.RedemptionTicketRequest(redemption, Guid.NewGuid(), train, Day, from, to, "Second", passenger, "郑一", "1101**********0005", 55300),
            default));

    /// <summary>A seat held without its ticket, as the saga of an earlier version left it between two steps.</summary>
    private Task<Outcome<Inventory.SeatHold>> HoldAsync(string train, Guid redemption, string passenger) =>
        host.InScopeAsync(sp => sp.GetRequiredService<Inventory.SeatInventory>().HoldAsync(
            new Inventory.HoldRequest(redemption, Guid.NewGuid(), train, Day, "VNP", "AOH", "Second", passenger), default));
}
