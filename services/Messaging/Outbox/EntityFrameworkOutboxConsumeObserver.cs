using MassTransit;
using MassTransit.Configuration;
using MassTransit.DependencyInjection;
using MassTransit.Middleware;
using MassTransit.Transports;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Outbox;

/// <summary>
/// Puts <see cref="EntityFrameworkOutboxConsumeFilter{TDbContext, TMessage}"/> in front of every consumer and saga
/// message type of one receive endpoint, the way MassTransit's own outbox configures itself
/// (<c>UseEntityFrameworkOutbox&lt;TDbContext&gt;(context)</c>).
/// </summary>
public sealed class EntityFrameworkOutboxConsumeObserver<TDbContext>(IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
    : IConsumerConfigurationObserver, ISagaConfigurationObserver
    where TDbContext : DbContext
{
    private readonly string _consumer = endpoint.InputAddress.GetEndpointName()!;

    public void ConsumerConfigured<TConsumer>(IConsumerConfigurator<TConsumer> configurator)
        where TConsumer : class
    {
    }

    public void ConsumerMessageConfigured<TConsumer, TMessage>(IConsumerMessageConfigurator<TConsumer, TMessage> configurator)
        where TConsumer : class
        where TMessage : class =>
        AddFilter((IConsumerMessageConfigurator<TMessage>)configurator);

    public void SagaConfigured<TSaga>(ISagaConfigurator<TSaga> configurator)
        where TSaga : class, ISaga
    {
    }

    public void StateMachineSagaConfigured<TInstance>(ISagaConfigurator<TInstance> configurator, SagaStateMachine<TInstance> stateMachine)
        where TInstance : class, ISaga, SagaStateMachineInstance
    {
    }

    public void SagaMessageConfigured<TSaga, TMessage>(ISagaMessageConfigurator<TSaga, TMessage> configurator)
        where TSaga : class, ISaga
        where TMessage : class =>
        AddFilter((ISagaMessageConfigurator<TMessage>)configurator);

    private void AddFilter<TMessage>(IPipeConfigurator<ConsumeContext<TMessage>> configurator)
        where TMessage : class
    {
        var scopes = new ConsumeScopeProvider(context, (ISetScopedConsumeContext)context);
        // The endpoint's name is the inbox's consumer key: one consumer or saga per endpoint here.
        var options = new OutboxConsumeOptions { ConsumerId = NewId.NextGuid(), ConsumerType = _consumer };
        configurator.AddPipeSpecification(new FilterPipeSpecification<ConsumeContext<TMessage>>(
            new EntityFrameworkOutboxConsumeFilter<TDbContext, TMessage>(scopes, options)));
    }
}
