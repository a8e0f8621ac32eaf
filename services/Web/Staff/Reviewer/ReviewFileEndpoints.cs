using System.Net.Http.Headers;
using Changxing.Web.Session;
using Microsoft.Net.Http.Headers;

namespace Changxing.Web.Staff.Reviewer;

/// <summary>
/// The uploaded files for the reviewer's page — a beneficiary's ID images and face video, a member's activation face
/// video: fetched from the API with the reviewer's token (kept server-side) and passed on to be shown inline
/// (<c>img</c>, <c>video</c>) as the image or video type the API names, only ever one of the upload types; never cached,
/// never sniffed by the browser as anything else.
/// </summary>
public static class ReviewFileEndpoints
{
    private static readonly HashSet<string> Kinds = ["id-front", "id-back", "face-video"];

    private static readonly HashSet<string> ShownTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/jpeg", "image/png", "video/mp4", "video/quicktime", "video/webm",
    };

    public static string PathOf(Guid beneficiaryId, string kind) => $"/staff/reviews/beneficiaries/{beneficiaryId}/files/{kind}";

    public static string MemberFaceVideoPathOf(Guid memberId) => $"/staff/reviews/members/{memberId}/files/face-video";

    public static WebApplication MapReviewFileEndpoints(this WebApplication app)
    {
        app.MapGet("/staff/reviews/beneficiaries/{id:guid}/files/{kind}", async (Guid id, string kind, HttpContext http, IHttpClientFactory clients, CancellationToken cancellationToken) =>
            Kinds.Contains(kind)
                ? await PassOnAsync($"/api/membership/reviews/beneficiaries/{id}/files/{kind}", kind, http, clients, cancellationToken)
                : Results.NotFound()).RequireAuthorization(p => p.RequireRole(StaffRoles.Reviewer));
        app.MapGet("/staff/reviews/members/{memberId:guid}/files/face-video", (Guid memberId, HttpContext http, IHttpClientFactory clients, CancellationToken cancellationToken) =>
            PassOnAsync($"/api/membership/reviews/members/{memberId}/files/face-video", "face-video", http, clients, cancellationToken))
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Reviewer));
        return app;
    }

    private static async Task<IResult> PassOnAsync(string apiPath, string kind, HttpContext http, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(nameof(Gateway.GatewayApi));
        using var request = new HttpRequestMessage(HttpMethod.Get, apiPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", http.User.FindFirst(SessionClaims.AccessToken)?.Value);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            return Results.NotFound();
        }

        http.Response.RegisterForDispose(response);
        var contentType = response.Content.Headers.ContentType?.MediaType;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers[HeaderNames.ContentDisposition] = $"inline; filename=\"{kind}\"";
        return Results.Stream(
            await response.Content.ReadAsStreamAsync(cancellationToken),
            contentType is not null && ShownTypes.Contains(contentType) ? contentType : "application/octet-stream");
    }
}
