using Microsoft.Net.Http.Headers;

namespace Changxing.Web.Session;

/// <summary>Pages carry one caller's data: no browser or proxy may keep them (static assets set their own caching).</summary>
public sealed class NoStoreForPages(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            if (!context.Response.Headers.ContainsKey(HeaderNames.CacheControl))
            {
                context.Response.Headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
