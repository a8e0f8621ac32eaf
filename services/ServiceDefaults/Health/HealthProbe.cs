namespace Changxing.ServiceDefaults.Health;

/// <summary>
/// <c>dotnet Service.dll --probe-health URL</c> exits 0 when URL answers 2xx: the container health check,
/// so the runtime image needs no curl.
/// </summary>
public static class HealthProbe
{
    public const string Argument = "--probe-health";

    public static bool IsRequested(string[] args) => args.Length == 2 && args[0] == Argument;

    public static async Task<int> RunAsync(string[] args)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(args[1]));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (HttpRequestException)
        {
            return 1;
        }
        catch (TaskCanceledException)
        {
            return 1;
        }
    }
}
