using Changxing.Contracts;
using Changxing.Contracts.Ticketing;
using Changxing.ServiceDefaults.Outcomes;
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

/// <summary>
/// What the redemption saga asks of Ticketing's inventory: the seat and ticket it takes in its own transaction, and
/// the compensations it sends through MassTransit's test harness.
/// </summary>
[Trait("Category", TestCategories.Database)]
public class ConsumerSpecs(ConsumerTestHost host) : IClassFixture<ConsumerTestHost>
{
    private static readonly DateOnly Day = new(2026, 3, 12);
    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static bool _ready;

    private ITestHarness Harness => host.Services.GetRequiredService<ITestHarness>();

    [Fact]
    public async Task Should_take_a_seat_in_the_quota_and_issue_a_points_paid_ticket_for_a_redemption()
    {
        await EnsureTrainAsync();
        var before = SeatsLeft();

        var outcome = await IssueAsync(Guid.NewGuid(), "c1");

        var ticket = Assert.IsType<Tickets.Ticket>(outcome.Value);
        Assert.Equal("05", ticket.Car);
        Assert.Equal((Contracts.PaymentMethod.Points, 55300L, 553m), (ticket.PaymentMethod, ticket.PointsPaid, ticket.Fare));
        Assert.Equal(before - 1, SeatsLeft());
    }

    [Fact]
    public async Task Should_issue_one_ticket_and_take_one_seat_per_redemption_when_asked_twice()
    {
        await EnsureTrainAsync();
        var redemption = Guid.NewGuid();
        var before = SeatsLeft();

        var first = await IssueAsync(redemption, "c2");
        var second = await IssueAsync(redemption, "c2");

        Assert.Equal(first.Value!.TicketNumber, second.Value!.TicketNumber);
        Assert.Equal((first.Value.Car, first.Value.Seat), (second.Value.Car, second.Value.Seat));
        Assert.Equal(before - 1, SeatsLeft());
    }

    [Fact]
    public async Task Should_refuse_a_redemption_ticket_on_a_date_without_redemption_allotment()
    {
        await EnsureTrainAsync();

        var outcome = await IssueAsync(Guid.NewGuid(), "c3", Day.AddDays(1));

        Assert.Null(outcome.Value);
        Assert.Equal(ReasonCodes.NotRedeemable, outcome.Reason);
    }

    [Fact]
    public async Task Should_free_the_seat_when_the_saga_releases_it()
    {
        await EnsureTrainAsync();
        var redemption = Guid.NewGuid();
        var held = await host.InScopeAsync(sp => sp.GetRequiredService<Inventory.SeatInventory>().HoldAsync(
            new Inventory.HoldRequest(redemption, Guid.NewGuid(), "G9301", Day, "VNP", "AOH", "Second", "c4"), default));
        var before = SeatsLeft();

        var released = await Harness.GetRequestClient<ReleaseSeat>().GetResponse<SeatReleased>(new ReleaseSeat(redemption, "PointsReservationRejected"));
        var again = await Harness.GetRequestClient<ReleaseSeat>().GetResponse<SeatReleased>(new ReleaseSeat(redemption, "PointsReservationRejected"));

        Assert.Equal(held.Value!.Id, released.Message.HoldId);
        Assert.Equal(held.Value.Id, again.Message.HoldId);
        Assert.Equal(before + 1, SeatsLeft());
    }

    [Fact]
    public async Task Should_free_the_seat_of_a_redemption_ticket_when_the_saga_voids_it()
    {
        await EnsureTrainAsync();
        var redemption = Guid.NewGuid();
        var ticket = (await IssueAsync(redemption, "c5")).Value!;
        var before = SeatsLeft();

        var voided = await Harness.GetRequestClient<VoidTicket>().GetResponse<TicketVoided>(new VoidTicket(redemption, "CaptureRefused"));

        Assert.Equal(ticket.TicketNumber, voided.Message.TicketNumber);
        Assert.Equal(before + 1, SeatsLeft());
    }

    [Fact]
    public async Task Should_refuse_a_redemption_ticket_on_a_train_that_does_not_exist()
    {
        await EnsureTrainAsync();

        var outcome = await IssueAsync(Guid.NewGuid(), "c6", train: "G9");

        Assert.Equal(ReasonCodes.UnknownTrain, outcome.Reason);
    }

    private Task<Outcome<Tickets.Ticket>> IssueAsync(Guid redemption, string passenger, DateOnly? day = null, string train = "G9301") =>
        host.InScopeAsync(sp => sp.GetRequiredService<Tickets.TicketOffice>().IssueForRedemptionAsync(
            new Tickets.RedemptionTicketRequest(redemption, Guid.NewGuid(), train, day ?? Day, "VNP", "AOH", "Second", passenger, "赵六", "1101**********4321", 55300),
            default));

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
