using Changxing.TestSupport;
using MassTransit.Testing;

namespace Changxing.Membership.Tests.Support;

/// <summary>
/// Waits for a message in the harness by polling. The harness's own async <c>Any</c> stops waiting once the bus has
/// been idle for its inactivity timeout, which a long test with HTTP calls reaches before the message it expects.
/// </summary>
public static class Harnessed
{
    public static Task PublishedAsync<T>(ITestHarness harness, Func<T, bool> match)
        where T : class =>
        Eventually.Until(() => Task.FromResult(harness.Published.Select<T>(m => match(m.Context.Message)).Any()),
            TimeSpan.FromSeconds(30), because: $"{typeof(T).Name} was not published");
}
