using Microsoft.AspNetCore.Components;

namespace Changxing.Web.Shared;

/// <summary>
/// A component that keeps itself current once interactive: it asks the API again every <see cref="PollEvery"/> from the
/// server-side circuit (the token never leaves the server) and re-renders, until <see cref="KeepFollowing"/> says stop
/// or the page is closed.
/// </summary>
public abstract class LiveComponent : ComponentBase, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    protected abstract TimeSpan PollEvery { get; }

    protected virtual bool KeepFollowing => true;

    protected CancellationToken Stopping => _stop.Token;

    /// <summary>True when the state came over from the prerendered page (<c>[PersistentState]</c>): no blank first render.</summary>
    protected virtual bool Loaded => false;

    protected abstract Task LoadAsync();

    protected override Task OnInitializedAsync() => Loaded ? Task.CompletedTask : LoadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _ = FollowAsync();
        }
    }

    private async Task FollowAsync()
    {
        using var timer = new PeriodicTimer(PollEvery);
        try
        {
            while (KeepFollowing && await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await LoadAsync();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !_stop.IsCancellationRequested)
                {
                    // The gateway did not answer this time; the next tick asks again.
                    continue;
                }

                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
