using Changxing.TestSupport;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Members;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

/// <summary>The real service (seeded reference data, 60 days of runs) with MassTransit's harness to see what it publishes.</summary>
public sealed class TicketingApiFactory : ServiceApiFactory<Program>
{
    /// <summary>A member Ticketing has heard is active (as from MemberActivated), so a window sale may name them.</summary>
    public async Task<Guid> KnownMemberAsync()
    {
        var memberId = Guid.NewGuid();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
        db.KnownMembers.Add(new KnownMember { MemberId = memberId, ActivatedAt = Clock.GetUtcNow() });
        await db.SaveChangesAsync();
        return memberId;
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddMassTransitTestHarness();
    }
}
