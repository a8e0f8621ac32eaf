using Scalar.AspNetCore;

namespace Changxing.Gateway.ApiDocument;

public static class ApiDocumentEndpoints
{
    public const string DocumentPath = "/openapi/changxing.json";

    /// <summary>
    /// Where every service serves its own document. The gateway has no operations of its own, so it serves the merged
    /// document there too: its literal route wins over the OpenAPI package's <c>/openapi/{documentName}.json</c>.
    /// </summary>
    public const string ServiceDocumentPath = "/openapi/v1.json";

    /// <summary>The merged document at <see cref="DocumentPath"/> (and <see cref="ServiceDocumentPath"/>) and the interactive reference (Scalar) at <c>/docs</c>.</summary>
    public static WebApplication MapApiDocument(this WebApplication app)
    {
        foreach (var path in new[] { DocumentPath, ServiceDocumentPath })
        {
            app.MapGet(path, async (MergedApiDocument document, CancellationToken ct) =>
                    Results.Text((await document.GetAsync(ct)).ToJsonString(), "application/json"))
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        app.MapScalarApiReference("/docs", o => o
                .WithTitle("Changxing API")
                .AddDocument("changxing", "Changxing API", DocumentPath, isDefault: true))
            .AllowAnonymous();
        return app;
    }
}
