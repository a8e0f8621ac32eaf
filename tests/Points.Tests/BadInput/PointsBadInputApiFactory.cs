using Changxing.TestSupport.BadInput;
using MassTransit;

namespace Changxing.Points.Tests.BadInput;

/// <summary>
/// Points hosted for the fuzzer with Ticketing's side of a back-registration answering, as it does in the system: a
/// hostile ticket number that normalises to a well-formed one is then answered "unknown ticket" by Ticketing, rather
/// than left unanswered (which is a 503 for a Ticketing that is down, not a bad input).
/// </summary>
public sealed class PointsBadInputApiFactory : BadInputApiFactory<Program>
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.AddSingleton(new FakeTicketing());
        services.AddMassTransitTestHarness(x => x.AddConsumer<FakeTicketFactsConsumer>());
    }
}
