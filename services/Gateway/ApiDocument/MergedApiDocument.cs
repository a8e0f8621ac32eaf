using System.Text.Json.Nodes;
using Yarp.ReverseProxy.Configuration;

namespace Changxing.Gateway.ApiDocument;

/// <summary>
/// One OpenAPI document for the whole API: the <c>/api/**</c> paths and schemas of every service's own document,
/// fetched through the cluster addresses and cached briefly. A service that does not answer is named in the description.
/// </summary>
internal sealed class MergedApiDocument(IProxyConfigProvider proxyConfig, IHttpClientFactory clients, TimeProvider clock) : IDisposable
{
    public const string HttpClientName = "api-documents";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (JsonObject Document, DateTimeOffset FetchedAt)? _cached;

    public async Task<JsonObject> GetAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } hit && clock.GetUtcNow() - hit.FetchedAt < CacheFor)
        {
            return hit.Document;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } fresh && clock.GetUtcNow() - fresh.FetchedAt < CacheFor)
            {
                return fresh.Document;
            }

            var (document, complete) = await BuildAsync(cancellationToken);
            if (complete)
            {
                _cached = (document, clock.GetUtcNow());
            }

            return document;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private async Task<(JsonObject Document, bool Complete)> BuildAsync(CancellationToken cancellationToken)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        var missing = new List<string>();
        var http = clients.CreateClient(HttpClientName);

        // A cluster with metadata ApiDocument=none (the web front end) serves pages, not an API.
        foreach (var cluster in proxyConfig.GetConfig().Clusters.Where(c => c.Metadata?.GetValueOrDefault("ApiDocument") != "none"))
        {
            // Instances of a service serve the same document: the first that answers gives it.
            JsonObject? source = null;
            foreach (var destination in cluster.Destinations?.Values ?? [])
            {
                source = await FetchAsync(http, new Uri(new Uri(destination.Address), "/openapi/v1.json"), cancellationToken);
                if (source is not null)
                {
                    break;
                }
            }

            if (source is null)
            {
                missing.Add(cluster.ClusterId);
                continue;
            }

            foreach (var (path, item) in source["paths"]?.AsObject() ?? [])
            {
                if (path.StartsWith("/api/", StringComparison.Ordinal) && !paths.ContainsKey(path) && item is not null)
                {
                    paths[path] = item.DeepClone();
                }
            }

            foreach (var (name, schema) in source["components"]?["schemas"]?.AsObject() ?? [])
            {
                if (!schemas.ContainsKey(name) && schema is not null)
                {
                    schemas[name] = schema.DeepClone();
                }
            }
        }

        var description = "Railway loyalty-points redemption (积分兑换车票). Errors are RFC 9457 problem details with a `reason` code."
            + (missing.Count == 0 ? string.Empty : $" Not available right now: {string.Join(", ", missing)}.");
        var document = new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject { ["title"] = "Changxing API", ["version"] = "v1", ["description"] = description },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                },
            },
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
        };
        return (document, missing.Count == 0);
    }

    private static async Task<JsonObject?> FetchAsync(HttpClient http, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            return response.IsSuccessStatusCode
                ? JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
