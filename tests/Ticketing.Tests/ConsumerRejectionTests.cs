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
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9311", "VNP JGK NKH AOH", rows: 1, letters: "A"));
        await host.AddAllotmentAsync("G9311", Day, "Second", quota: 10);
        Assert.True((await HoldAsync("G9311", Guid.NewGuid(), "s1", "VNP", "NKH")).Is(out Response<SeatHeld>? _));

        var response = await HoldAsync("G9311", Guid.NewGuid(), "s2", "JGK", "AOH");

        Assert.Equal(ReasonCodes.SoldOut, Rejection(response));
    }

    [Fact]
    public async Task Should_reject_a_HoldSeat_with_PassengerAlreadyHasTicket_for_a_second_seat_on_the_run()
    {
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9312", "VNP JGK NKH AOH", rows: 2, letters: "AB"));
        await host.AddAllotmentAsync("G9312", Day, "Second", quota: 10);
        Assert.True((await HoldAsync("G9312", Guid.NewGuid(), "same-passenger")).Is(out Response<SeatHeld>? _));

        var response = await HoldAsync("G9312", Guid.NewGuid(), "same-passenger");

        Assert.Equal(ReasonCodes.PassengerAlreadyHasTicket, Rejection(response));
    }

    [Fact]
    public async Task Should_reject_a_HoldSeat_with_QuotaExhausted_once_the_allotment_is_used_up_though_seats_are_left()
    {
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9313", "VNP JGK NKH AOH", rows: 2, letters: "AB"));
        await host.AddAllotmentAsync("G9313", Day, "Second", quota: 1);
        Assert.True((await HoldAsync("G9313", Guid.NewGuid(), "q1")).Is(out Response<SeatHeld>? _));

        var response = await HoldAsync("G9313", Guid.NewGuid(), "q2");

        Assert.Equal(ReasonCodes.QuotaExhausted, Rejection(response));
    }

    [Fact]
    public async Task Should_reject_IssueTicket_with_HoldExpired_30_minutes_after_the_hold_and_answer_a_repeated_HoldSeat_the_same()
    {
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9314", "VNP JGK NKH AOH", rows: 2, letters: "AB"));
        await host.AddAllotmentAsync("G9314", Day, "Second", quota: 10);
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
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9315", "VNP JGK NKH AOH", rows: 1, letters: "A"));
        await host.AddAllotmentAsync("G9315", Day, "Second", quota: 10);
        var redemption = Guid.NewGuid();
        Assert.True((await HoldAsync("G9315", redemption, "r1")).Is(out Response<SeatHeld>? _));
        await Harness.GetRequestClient<ReleaseSeat>().GetResponse<SeatReleased>(new ReleaseSeat(redemption, "PointsReservationRejected"));

        var repeat = await HoldAsync("G9315", redemption, "r1");
        var other = await HoldAsync("G9315", Guid.NewGuid(), "r2");

        Assert.Equal(ReasonCodes.HoldAlreadyReleased, Rejection(repeat));
        Assert.True(other.Is(out Response<SeatHeld>? _), "the released seat is free for someone else");
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
