using Changxing.Membership.ConsumptionPassword;
using Changxing.Membership.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Membership.Tests.Support;

/// <summary>
/// Holds every save of a changed consumption-password record until <see cref="Entries"/> of them are waiting, then lets
/// them all go at once: entries checked in parallel, each having read the same counter, race to store it. Without the
/// rendezvous the race happens only when the machine's timing allows, so a test of its outcome could pass by luck.
/// </summary>
public sealed class ConsumptionPasswordSaveRendezvous(int entries) : SaveChangesInterceptor
{
    private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public int Entries { get; } = entries;

    /// <summary>Adds the rendezvous to the service's DbContext, whichever provider the test database uses.</summary>
    public void Register(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteMembershipDbContext>(o => o.AddInterceptors(this));
        services.ConfigureDbContext<PostgresMembershipDbContext>(o => o.AddInterceptors(this));
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var changesTheCounter = eventData.Context!.ChangeTracker.Entries<ConsumptionPasswordRecord>().Any(e => e.State == EntityState.Modified);
        if (changesTheCounter && Interlocked.Increment(ref _arrived) is var arrived && arrived <= Entries)
        {
            if (arrived == Entries)
            {
                _allArrived.TrySetResult();
            }

            await _allArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        return result;
    }
}
