using System.Text.Json;

namespace Changxing.TestSupport.BadInput;

/// <summary>A path, query or header parameter of an operation, with its schema ($refs resolved).</summary>
public sealed record ApiParameter(string Name, string In, JsonElement Schema, bool Required);
