using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Changxing.ServiceDefaults.Problems;

/// <summary>
/// Writes each problem answer's reason codes (<see cref="ProblemReasons"/>; for 401 and 403 the framework's own,
/// <see cref="DefaultReasons"/>) into its response description and a closing sentence of the operation description,
/// so the reference page says what can go wrong and which <c>reason</c> a client gets.
/// </summary>
internal sealed class ProblemReasonsOpenApiTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.Description.ActionDescriptor.EndpointMetadata.OfType<ProblemReasons>().ToList();
        var answers = new List<string>();
        foreach (var (status, response) in (operation.Responses ?? []).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (!int.TryParse(status, out var code) || code is < 400 or >= 500)
            {
                continue;
            }

            var reasons = declared.Where(d => d.StatusCode == code).SelectMany(d => d.Reasons).Distinct(StringComparer.Ordinal).ToList();
            if (reasons.Count == 0)
            {
                reasons.Add(DefaultReasons.ForStatus(code));
            }

            var listed = string.Join(", ", reasons.Select(r => $"`{r}`"));
            if (response is OpenApiResponse writable)
            {
                writable.Description = $"{ReasonPhrases.GetReasonPhrase(code)}: reason {listed}.";
            }

            answers.Add($"{code} {listed}");
        }

        if (answers.Count > 0)
        {
            var problems = $"Problems: {string.Join("; ", answers)}.";
            operation.Description = string.IsNullOrEmpty(operation.Description) ? problems : $"{operation.Description}\n\n{problems}";
        }

        return Task.CompletedTask;
    }
}
