using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Changxing.ServiceDefaults.Auth;

/// <summary>
/// Writes who may call each operation into the OpenAPI document: <c>x-access</c> (<c>public</c> or <c>token</c>) and
/// <c>x-roles</c> (the roles it demands), a sentence in the description for people reading the reference page, and the
/// answers the authorization middleware gives: 401 without a valid token, 403 for a token without one of the roles.
/// The gateway's merged document keeps them, and the end-to-end security tests are generated from them.
/// </summary>
internal sealed class EndpointAccessOpenApiTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var access = EndpointAccess.Of(context.Description.ActionDescriptor.EndpointMetadata.ToList());
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-access"] = new JsonNodeExtension(JsonValue.Create(access.IsPublic ? "public" : "token"));
        if (access.IsPublic)
        {
            operation.Description = Append(operation.Description, "Public: no token needed.");
            return Task.CompletedTask;
        }

        var roles = access.Roles.Order(StringComparer.Ordinal).ToList();
        operation.Extensions["x-roles"] = new JsonNodeExtension(new JsonArray(roles.Select(r => (JsonNode)JsonValue.Create(r)).ToArray()));
        var who = roles.Count == 0 ? "any signed-in caller" : "role " + string.Join(" or ", roles);
        operation.Description = Append(operation.Description, $"Requires a token: {who}.");

        // Every service declares problem answers of its own, so its document has the ProblemDetails schema to refer to.
        var problem = new OpenApiSchemaReference(nameof(ProblemDetails), context.Document);
        operation.Responses ??= [];
        operation.Responses.TryAdd(StatusCodes.Status401Unauthorized.ToString(System.Globalization.CultureInfo.InvariantCulture), Problem(problem));
        if (roles.Count > 0)
        {
            operation.Responses.TryAdd(StatusCodes.Status403Forbidden.ToString(System.Globalization.CultureInfo.InvariantCulture), Problem(problem));
        }

        return Task.CompletedTask;
    }

    private static string Append(string? description, string sentence) =>
        string.IsNullOrEmpty(description) ? sentence : $"{description} {sentence}";

    private static OpenApiResponse Problem(IOpenApiSchema schema) => new()
    {
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
    };
}
