using Scalar.AspNetCore;

namespace Changxing.Gateway.ApiDocument;

public static class ApiDocumentEndpoints
{
    public const string DocumentPath = "/openapi/changxing.json";

    /// <summary>The merged document at <see cref="DocumentPath"/> and the interactive reference (Scalar) at <c>/docs</c>.</summary>
    public static WebApplication MapApiDocument(this WebApplication app)
    {
        app.MapGet(DocumentPath, async (MergedApiDocument document, CancellationToken ct) =>
                Results.Text((await document.GetAsync(ct)).ToJsonString(), "application/json"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapScalarApiReference("/docs", o => o
                .WithTitle("Changxing API")
                .AddDocument("changxing", "Changxing API", DocumentPath, isDefault: true))
            .AllowAnonymous();
        return app;
    }
}
