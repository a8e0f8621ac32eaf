using Changxing.Contracts;
using Changxing.Contracts.Ticketing;
using Changxing.TestSupport;
using Changxing.Ticketing.Search;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

public sealed class ConsumerTestHost : TicketingTestHost
{
    protected override bool WithHarness => true;
}

/// <summary>The commands the redemption saga sends, through MassTransit's test harness.</summary>
[Trait("Category", TestCategories.Database)]
public class ConsumerTests(ConsumerTestHost host) : IClassFixture<ConsumerTestHost>
{
    private static readonly DateOnly Day = new(2026, 3, 12);
    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static bool _ready;

    private ITestHarness Harness => host.Services.GetRequiredService<ITestHarness>();

    [Fact]
    public async Task Should_answer_a_HoldSeat_request_with_the_seat_held()
    {
        await EnsureTrainAsync();
        var client = Harness.GetRequestClient<HoldSeat>();

        var response = await client.GetResponse<SeatHeld, SeatHoldRejected>(Hold(Guid.NewGuid(), "c1"));

        Assert.True(response.Is(out Response<SeatHeld>? held));
        Assert.Equal("05", held!.Message.Car);
        Assert.Equal(TicketingTestHost.Start.AddMinutes(30), held.Message.ExpiresAt);
    }

    [Fact]
    public async Task Should_publish_the_outcome_when_nobody_waits_for_an_answer_and_hold_one_seat_per_redemption()
    {
        await EnsureTrainAsync();
        var redemption = Guid.NewGuid();

        await Harness.Bus.Publish(Hold(redemption, "c2"));
        await Harness.Bus.Publish(Hold(redemption, "c2"));

        // The harness may report itself idle before the publish lands, so poll its record instead of waiting on it.
        await Eventually.Until(() => Task.FromResult(Harness.Published.Select<SeatHeld>().Count(m => m.Context.Message.RedemptionId == redemption) == 2));
        Assert.Empty(Harness.Published.Select<Fault<HoldSeat>>());
        var answers = Harness.Published.Select<SeatHeld>().Where(m => m.Context.Message.RedemptionId == redemption).Select(m => m.Context.Message).ToList();
        Assert.Single(answers.Select(a => (a.HoldId, a.Car, a.Seat)).Distinct());
    }

    [Fact]
    public async Task Should_reject_a_hold_on_a_date_without_redemption_allotment()
    {
        await EnsureTrainAsync();
        var client = Harness.GetRequestClient<HoldSeat>();

        var response = await client.GetResponse<SeatHeld, SeatHoldRejected>(Hold(Guid.NewGuid(), "c3") with { TravelDate = Day.AddDays(1) });

        Assert.True(response.Is(out Response<SeatHoldRejected>? rejected));
        Assert.Equal(ReasonCodes.NotRedeemable, rejected!.Message.Reason);
    }

    [Fact]
    public async Task Should_free_the_seat_when_the_saga_releases_it()
    {
        await EnsureTrainAsync();
        var redemption = Guid.NewGuid();
        var held = await Harness.GetRequestClient<HoldSeat>().GetResponse<SeatHeld>(Hold(redemption, "c4"));
        var before = SeatsLeft();

        var released = await Harness.GetRequestClient<ReleaseSeat>().GetResponse<SeatReleased>(new ReleaseSeat(redemption, "PointsReservationRejected"));
        var again = await Harness.GetRequestClient<ReleaseSeat>().GetResponse<SeatReleased>(new ReleaseSeat(redemption, "PointsReservationRejected"));

        Assert.Equal(held.Message.HoldId, released.Message.HoldId);
        Assert.Equal(held.Message.HoldId, again.Message.HoldId);
        Assert.Equal(before + 1, SeatsLeft());
    }

    [Fact]
    public async Task Should_issue_a_points_paid_ticket_from_the_hold_and_free_the_seat_when_it_is_voided()
    {
        await EnsureTrainAsync();
        var redemption = Guid.NewGuid();
        var held = await Harness.GetRequestClient<HoldSeat>().GetResponse<SeatHeld>(Hold(redemption, "c5"));

        var issued = await Harness.GetRequestClient<IssueTicket>().GetResponse<TicketIssued, TicketIssueRejected>(
            new IssueTicket(redemption, Guid.NewGuid(), "赵六", "1101**********4321", 55300));
        Assert.True(issued.Is(out Response<TicketIssued>? ticket));
        Assert.Equal((held.Message.Car, held.Message.Seat), (ticket!.Message.Car, ticket.Message.Seat));
        Assert.Equal(55300, ticket.Message.PointsPaid);
        Assert.Equal(553m, ticket.Message.Fare);
        var before = SeatsLeft();

        var voided = await Harness.GetRequestClient<VoidTicket>().GetResponse<TicketVoided>(new VoidTicket(redemption, "CaptureRefused"));

        Assert.Equal(ticket.Message.TicketNumber, voided.Message.TicketNumber);
        Assert.Equal(before + 1, SeatsLeft());
    }

    [Fact]
    public async Task Should_reject_a_hold_on_a_train_that_does_not_exist()
    {
        await EnsureTrainAsync();

        var response = await Harness.GetRequestClient<HoldSeat>().GetResponse<SeatHeld, SeatHoldRejected>(Hold(Guid.NewGuid(), "c6") with { TrainNumber = "G9" });

        Assert.True(response.Is(out Response<SeatHoldRejected>? rejected));
        Assert.Equal(ReasonCodes.UnknownTrain, rejected!.Message.Reason);
    }

    private static HoldSeat Hold(Guid redemption, string passenger) =>
        new(redemption, Guid.NewGuid(), "G9301", Day, "VNP", "AOH", "Second", passenger);

    private int SeatsLeft()
    {
        var model = host.Services.GetRequiredService<SearchReadModel>();
        var train = model.Network.Trains["G9301"];
        return model.Find("G9301", Day)!.SeatsLeft(train.Layout("Second")!, Inventory.SeatLegMask.Segment(0, 3));
    }

    private async Task EnsureTrainAsync()
    {
        await Setup.WaitAsync();
        try
        {
            if (!_ready)
            {
                await host.AddTrainAsync(TicketingTestHost.TestTrain("G9301", "VNP JGK NKH AOH", rows: 10, letters: "ABCDF"));
                await host.AddAllotmentAsync("G9301", Day, "Second", quota: 20);
                _ready = true;
            }
        }
        finally
        {
            Setup.Release();
        }
    }
}
