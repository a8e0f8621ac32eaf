using System.Data;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Changxing.Messaging.Sagas;

/// <summary>Collects the repository settings, then registers it through MassTransit's own saga-repository seam.</summary>
public sealed class EntityFrameworkSagaRepositoryConfigurator<TSaga> : IEntityFrameworkSagaRepositoryConfigurator<TSaga>
    where TSaga : class, ISaga
{
    private Action<IServiceCollection>? _registerDbContext;

    public IsolationLevel IsolationLevel { private get; set; } = IsolationLevel.ReadCommitted;

    public void ExistingDbContext<TContext>()
        where TContext : DbContext =>
        _registerDbContext = Register<TContext>;

    public void Register(IServiceCollection services)
    {
        var register = _registerDbContext
            ?? throw new InvalidOperationException($"The saga repository for {typeof(TSaga).Name} needs a DbContext: call r.ExistingDbContext<TContext>().");
        services.AddSingleton(new EntityFrameworkSagaRepositoryOptions<TSaga>(IsolationLevel));
        register(services);
    }

    private static void Register<TContext>(IServiceCollection services)
        where TContext : DbContext
    {
        services.RegisterSagaRepository<TSaga, DbContext, SagaConsumeContextFactory<DbContext, TSaga>, EntityFrameworkSagaRepositoryContextFactory<TSaga, TContext>>();
        services.RegisterLoadSagaRepository<TSaga, EntityFrameworkSagaRepositoryContextFactory<TSaga, TContext>>();
        services.RegisterQuerySagaRepository<TSaga, EntityFrameworkSagaRepositoryContextFactory<TSaga, TContext>>();

        if (typeof(IStepDeadlineSaga).IsAssignableFrom(typeof(TSaga)))
        {
            typeof(EntityFrameworkSagaRepositoryConfigurator<TSaga>)
                .GetMethod(nameof(RegisterSweeper), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(typeof(TSaga), typeof(TContext))
                .Invoke(null, [services]);
        }
    }

    private static void RegisterSweeper<TDeadlineSaga, TContext>(IServiceCollection services)
        where TDeadlineSaga : class, IStepDeadlineSaga
        where TContext : DbContext
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StepDeadlineOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<StepDeadlineJob<TDeadlineSaga, TContext>>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StepDeadlineJob<TDeadlineSaga, TContext>>(
            sp => sp.GetRequiredService<StepDeadlineJob<TDeadlineSaga, TContext>>()));
    }
}
