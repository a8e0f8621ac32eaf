using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Changxing.ServiceDefaults.Auth;

/// <summary>
/// Writes who may call each operation into the OpenAPI document: <c>x-access</c> (<c>public</c> or <c>token</c>) and
/// <c>x-roles</c> (the roles it demands), and a sentence in the description for people reading the reference page.
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
            return Task.CompletedTask;
        }

        var roles = access.Roles.Order(StringComparer.Ordinal).ToList();
        operation.Extensions["x-roles"] = new JsonNodeExtension(new JsonArray(roles.Select(r => (JsonNode)JsonValue.Create(r)).ToArray()));
        var who = roles.Count == 0 ? "any signed-in caller" : "role " + string.Join(" or ", roles);
        operation.Description = string.IsNullOrEmpty(operation.Description) ? $"Requires a token: {who}." : $"{operation.Description} Requires a token: {who}.";
        return Task.CompletedTask;
    }
}
