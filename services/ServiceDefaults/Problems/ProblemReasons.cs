namespace Changxing.ServiceDefaults.Problems;

/// <summary>
/// Endpoint metadata: a problem status an endpoint answers and the <c>reason</c> codes it carries, taken from the code
/// that raises them. <see cref="ProblemReasonsOpenApiTransformer"/> writes them into the OpenAPI document.
/// </summary>
public sealed record ProblemReasons(int StatusCode, IReadOnlyList<string> Reasons);
