using Changxing.Contracts.Redemptions;
using MassTransit;

namespace Changxing.Ticketing.Redemptions;

/// <summary>
/// Wakes the requests waiting for a redemption (<see cref="RedemptionWaiters"/>) when the saga's outcome leaves this
/// process. The saga publishes its outcome only after its transaction has committed (the in-memory outbox), so a woken
/// request reads the finished row.
/// </summary>
public sealed class RedemptionOutcomeObserver(RedemptionWaiters waiters) : IPublishObserver
{
    public Task PrePublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class
    {
        switch (context.Message)
        {
            case RedemptionCompleted completed:
                waiters.Finished(completed.RedemptionId);
                break;
            case RedemptionFailed failed:
                waiters.Finished(failed.RedemptionId);
                break;
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
