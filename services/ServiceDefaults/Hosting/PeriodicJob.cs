using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Changxing.ServiceDefaults.Hosting;

/// <summary>
/// A job that runs every <see cref="Interval"/> on the injected clock (at start-up too, unless
/// <see cref="RunsAtStart"/> says otherwise). A failing run is logged and tried again at the next tick; runs never
/// overlap, so the timer and a direct caller of <see cref="RunOnceAsync"/> (tests with a fake clock, an operator)
/// cannot do the same work twice at once.
/// </summary>
public abstract partial class PeriodicJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    protected abstract TimeSpan Interval { get; }

    protected virtual bool RunsAtStart => true;

    /// <summary>One run now; returns how many things it did.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await RunAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected abstract Task<int> RunAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        if (RunsAtStart)
        {
            await TickAsync(stoppingToken);
        }

        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await TickAsync(stoppingToken);
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunOnceAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(Logger, GetType().Name, Interval, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} failed; it runs again in {Interval}")]
    private static partial void LogFailed(ILogger logger, string job, TimeSpan interval, Exception exception);
}
