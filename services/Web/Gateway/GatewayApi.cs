using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Changxing.Web.Session;
using Microsoft.AspNetCore.Components;

namespace Changxing.Web.Gateway;

/// <summary>
/// The gateway's REST API as the pages call it, with the signed-in caller's token (read server-side from the session,
/// never sent to the browser). A 401 on a call that carried a token means the token expired: the session ends and the
/// user signs in again, then comes back to the page they were on.
/// </summary>
public sealed class GatewayApi(HttpClient http, SessionToken session, NavigationManager navigation)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Get, path, content: null, headers: null, cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object body, IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, JsonContent.Create(body, options: Json), headers, cancellationToken);

    public Task<ApiResult<T>> PutAsync<T>(string path, object body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Put, path, JsonContent.Create(body, options: Json), headers: null, cancellationToken);

    public Task<ApiResult<NoContent>> DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync<NoContent>(HttpMethod.Delete, path, content: null, headers: null, cancellationToken);

    public Task<ApiResult<T>> PostMultipartAsync<T>(string path, MultipartFormDataContent form, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, form, headers: null, cancellationToken);

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, HttpContent? content, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        var token = await session.AccessTokenAsync();
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, headerValue) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, headerValue);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null)
        {
            navigation.NavigateTo(SessionEndpoints.Expired("/" + navigation.ToBaseRelativePath(navigation.Uri)), forceLoad: true);
        }

        if (!response.IsSuccessStatusCode)
        {
            return new ApiResult<T>(default, ApiProblem.Read((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken)));
        }

        if (typeof(T) == typeof(NoContent))
        {
            return new ApiResult<T>((T)(object)NoContent.Value, null);
        }

        var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
        return new ApiResult<T>(value, value is null ? ApiProblem.Read((int)response.StatusCode, "{}") : null);
    }
}
