using System.Text.Json;

namespace Changxing.TestSupport.BadInput;

/// <summary>One operation of an OpenAPI document: method, path template, parameters and the JSON body schema if it declares one.</summary>
public sealed record ApiOperation(string Method, string PathTemplate, IReadOnlyList<ApiParameter> Parameters, JsonElement? BodySchema)
{
    public string Key => $"{Method} {PathTemplate}";

    public bool SendsBody => Method is "POST" or "PUT" or "PATCH";

    public override string ToString() => Key;
}
