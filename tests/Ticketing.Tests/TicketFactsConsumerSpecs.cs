using Changxing.Contracts;
using Changxing.Contracts.Ticketing;
using Changxing.TestSupport;
using Changxing.Ticketing.Tickets;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

/// <summary>What Ticketing answers when Points asks for a ticket's facts before a back-registration (补登).</summary>
[Trait("Category", TestCategories.Database)]
public sealed class TicketFactsConsumerSpecs(ConsumerTestHost host) : IClassFixture<ConsumerTestHost>
{
    private static readonly DateOnly Day = new(2026, 3, 12);
    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static bool _ready;

    private ITestHarness Harness => host.Services.GetRequiredService<ITestHarness>();

    [Fact]
    public async Task Should_answer_the_facts_of_a_ticket_sold_for_money_whatever_the_spelling_of_its_number()
    {
        await EnsureTrainAsync();
        var member = Guid.NewGuid();
        var sold = await SellAsync(member, "f1");

        var (facts, _) = await AskAsync("  " + sold.TicketNumber.ToLowerInvariant());

        Assert.NotNull(facts);
        Assert.Equal(
            (sold.TicketNumber, member, PaymentMethod.Money, sold.Fare, Day, sold.DepartsAt, TicketFactStatus.Issued),
            (facts.TicketNumber, facts.MemberId, facts.PaymentMethod, facts.FacePrice, facts.DepartureDate, facts.DepartsAt, facts.Status));
        Assert.True(facts.FacePrice > 0);
    }

    [Fact]
    public async Task Should_answer_that_a_redemption_ticket_was_paid_with_points_and_when_it_was_voided()
    {
        await EnsureTrainAsync();
        var redemption = Guid.NewGuid();
        var issued = (await host.InScopeAsync(sp => sp.GetRequiredService<TicketOffice>().IssueForRedemptionAsync(
            new RedemptionTicketRequest(redemption, Guid.NewGuid(), "G9311", Day, "VNP", "AOH", "Second", "f2", "赵六", "1101**********4321", 55300), default))).Value!;

        var (paid, _) = await AskAsync(issued.TicketNumber);
        await host.InScopeAsync(sp => sp.GetRequiredService<TicketOffice>().VoidAsync(redemption, default));
        var (voided, _) = await AskAsync(issued.TicketNumber);

        Assert.Equal((PaymentMethod.Points, TicketFactStatus.Issued), (paid!.PaymentMethod, paid.Status));
        Assert.Equal(TicketFactStatus.Voided, voided!.Status);
    }

    [Theory]
    [InlineData("E999999999999999")]
    [InlineData("not a ticket")]
    public async Task Should_answer_not_found_for_a_ticket_it_never_issued(string number)
    {
        await EnsureTrainAsync();

        var (facts, notFound) = await AskAsync(number);

        Assert.Null(facts);
        Assert.Equal(number, notFound!.TicketNumber);
    }

    private async Task<(TicketFacts? Facts, TicketNotFound? NotFound)> AskAsync(string number)
    {
        var response = await Harness.GetRequestClient<GetTicketFacts>().GetResponse<TicketFacts, TicketNotFound>(new GetTicketFacts(number));
        return (response.Is(out Response<TicketFacts>? facts) ? facts.Message : null, response.Is(out Response<TicketNotFound>? notFound) ? notFound.Message : null);
    }

    private async Task<Ticket> SellAsync(Guid member, string passenger)
    {
        var outcome = await host.InScopeAsync(sp => sp.GetRequiredService<TicketOffice>().SellAsync(
            new SaleRequest(member, passenger, "王五", "1101**********1234", "G9311", Day, "VNP", "AOH", "Second"), default));
        return outcome.Value ?? throw new InvalidOperationException($"{outcome.Reason}: {outcome.Detail}");
    }

    private async Task EnsureTrainAsync()
    {
        await Setup.WaitAsync();
        try
        {
            if (!_ready)
            {
                await host.AddTrainAsync(TicketingTestHost.TestTrain("G9311", "VNP JGK NKH AOH", rows: 10, letters: "ABCDF"));
                await host.AddAllotmentAsync("G9311", Day, "Second", quota: 10);
                _ready = true;
            }
        }
        finally
        {
            Setup.Release();
        }
    }
}
