using System.Net.Http.Headers;
using Changxing.Web.Session;

namespace Changxing.Web.Staff.Reviewer;

/// <summary>
/// A beneficiary's ID images and face video for the reviewer's page: fetched from the API with the reviewer's token
/// (kept server-side) and passed through, never cached.
/// </summary>
public static class ReviewFileEndpoints
{
    private static readonly HashSet<string> Kinds = ["id-front", "id-back", "face-video"];

    public static WebApplication MapReviewFileEndpoints(this WebApplication app)
    {
        app.MapGet("/staff/reviews/beneficiaries/{id:guid}/files/{kind}", async (Guid id, string kind, HttpContext http, IHttpClientFactory clients, CancellationToken cancellationToken) =>
        {
            if (!Kinds.Contains(kind))
            {
                return Results.NotFound();
            }

            var client = clients.CreateClient(nameof(Gateway.GatewayApi));
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/membership/reviews/beneficiaries/{id}/files/{kind}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", http.User.FindFirst(SessionClaims.AccessToken)?.Value);
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                response.Dispose();
                return Results.NotFound();
            }

            http.Response.RegisterForDispose(response);
            return Results.Stream(await response.Content.ReadAsStreamAsync(cancellationToken), response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream");
        }).RequireAuthorization(p => p.RequireRole(StaffRoles.Reviewer));
        return app;
    }
}
