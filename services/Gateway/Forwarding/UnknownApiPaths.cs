using Changxing.ServiceDefaults.Problems;

namespace Changxing.Gateway.Forwarding;

/// <summary>
/// Everything outside <c>/api/**</c> goes to the web front end (the catch-all route); a path under <c>/api/</c> that
/// no service route matches is answered here with a 404 problem instead of a web page.
/// </summary>
internal static class UnknownApiPaths
{
    public static WebApplication MapUnknownApiPaths(this WebApplication app)
    {
        app.Map("/api/{**rest}", () => ProblemResults.NotFound("No API answers this path (接口不存在)."));
        return app;
    }
}
