using Changxing.Contracts;
using Changxing.Contracts.Ticketing;
using Changxing.TestSupport;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

/// <summary>
/// The reason codes the redemption saga receives, through MassTransit's test harness. A fixture of its own: one test
/// moves the fake clock past the hold lifetime, which <see cref="ConsumerTests"/> must not see.
/// </summary>
[Trait("Category", TestCategories.Database)]
public class ConsumerRejectionTests(ConsumerTestHost host) : IClassFixture<ConsumerTestHost>
{
    private static readonly DateOnly Day = new(2026, 3, 14);

    private ITestHarness Harness => host.Services.GetRequiredService<ITestHarness>();

    [Fact]
    public async Task Should_reject_a_HoldSeat_with_SoldOut_when_no_seat_is_free_for_the_segment()
    {
        await AddRunAsync("G9311", rows: 1, letters: "A", quota: 10);
        Assert.True((await HoldAsync("G9311", Guid.NewGuid(), "s1", "VNP", "NKH")).Is(out Response<SeatHeld>? _));

        var response = await HoldAsync("G9311", Guid.NewGuid(), "s2", "JGK", "AOH");

        Assert.Equal(ReasonCodes.SoldOut, Rejection(response));
    }

    [Fact]
    public async Task Should_reject_a_HoldSeat_with_PassengerAlreadyHasTicket_for_a_second_seat_on_the_run()
    {
        await AddRunAsync("G9312", rows: 2, letters: "AB", quota: 10);
        Assert.True((await HoldAsync("G9312", Guid.NewGuid(), "same-passenger")).Is(out Response<SeatHeld>? _));

        var response = await HoldAsync("G9312", Guid.NewGuid(), "same-passenger");

        Assert.Equal(ReasonCodes.PassengerAlreadyHasTicket, Rejection(response));
    }

    [Fact]
    public async Task Should_reject_a_HoldSeat_with_QuotaExhausted_once_the_allotment_is_used_up_though_seats_are_left()
    {
        await AddRunAsync("G9313", rows: 2, letters: "AB", quota: 1);
        Assert.True((await HoldAsync("G9313", Guid.NewGuid(), "q1")).Is(out Response<SeatHeld>? _));

        var response = await HoldAsync("G9313", Guid.NewGuid(), "q2");

        Assert.Equal(ReasonCodes.QuotaExhausted, Rejection(response));
    }

    [Fact]
    public async Task Should_reject_IssueTicket_with_HoldExpired_30_minutes_after_the_hold_and_answer_a_repeated_HoldSeat_the_same()
    {
        await AddRunAsync("G9314", rows: 2, letters: "AB", quota: 10);
        var redemption = Guid.NewGuid();
        Assert.True((await HoldAsync("G9314", redemption, "x1")).Is(out Response<SeatHeld>? _));

        host.Clock.Advance(TimeSpan.FromMinutes(30));
        var issue = await Harness.GetRequestClient<IssueTicket>().GetResponse<TicketIssued, TicketIssueRejected>(
            new IssueTicket(redemption, Guid.NewGuid(), "郑一", "1101**********0005", 55300));
        var repeat = await HoldAsync("G9314", redemption, "x1");

        Assert.True(issue.Is(out Response<TicketIssueRejected>? rejected));
        Assert.Equal(ReasonCodes.HoldExpired, rejected!.Message.Reason);
        Assert.Equal(ReasonCodes.HoldExpired, Rejection(repeat));
    }

    [Fact]
    public async Task Should_answer_a_HoldSeat_repeated_after_the_release_with_HoldAlreadyReleased_and_no_seat()
    {
        await AddRunAsync("G9315", rows: 1, letters: "A", quota: 10);
        var redemption = Guid.NewGuid();
        Assert.True((await HoldAsync("G9315", redemption, "r1")).Is(out Response<SeatHeld>? _));
        await Harness.GetRequestClient<ReleaseSeat>().GetResponse<SeatReleased>(new ReleaseSeat(redemption, "PointsReservationRejected"));

        var repeat = await HoldAsync("G9315", redemption, "r1");
        var other = await HoldAsync("G9315", Guid.NewGuid(), "r2");

        Assert.Equal(ReasonCodes.HoldAlreadyReleased, Rejection(repeat));
        Assert.True(other.Is(out Response<SeatHeld>? _), "the released seat is free for someone else");
    }

    /// <summary>A Beijing South–Shanghai Hongqiao test train with a second-class "兑" quota on <see cref="Day"/>.</summary>
    private async Task AddRunAsync(string train, int rows, string letters, int quota)
    {
        await host.AddTrainAsync(TicketingTestHost.TestTrain(train, "VNP JGK NKH AOH", rows, letters));
        await host.AddAllotmentAsync(train, Day, "Second", quota);
    }

    private Task<Response<SeatHeld, SeatHoldRejected>> HoldAsync(string train, Guid redemption, string passenger, string from = "VNP", string to = "AOH") =>
        Harness.GetRequestClient<HoldSeat>().GetResponse<SeatHeld, SeatHoldRejected>(
            new HoldSeat(redemption, Guid.NewGuid(), train, Day, from, to, "Second", passenger));

    private static string Rejection(Response<SeatHeld, SeatHoldRejected> response)
    {
        Assert.True(response.Is(out Response<SeatHoldRejected>? rejected), "expected SeatHoldRejected");
        return rejected!.Message.Reason;
    }
}
