using System.Net.Http.Headers;

namespace Changxing.SystemHarness.Scenarios;

/// <summary>A signed-up member as the tests drive them: who they are and an HTTP client on the gateway carrying their token.</summary>
public sealed class Member(Guid id, string name, string idNumber, string phone, HttpClient http) : IDisposable
{
    public Guid Id { get; } = id;
    public string Name { get; } = name;
    public string IdNumber { get; } = idNumber;
    public string Phone { get; } = phone;
    public HttpClient Http { get; } = http;

    public static HttpClient ClientWithToken(Uri gateway, string token)
    {
        var client = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public void Dispose() => Http.Dispose();
}
