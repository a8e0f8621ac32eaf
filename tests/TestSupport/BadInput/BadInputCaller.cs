namespace Changxing.TestSupport.BadInput;

/// <summary>Who sends a case: a name for the report and a client carrying that caller's token (or none).</summary>
public sealed record BadInputCaller(string Name, HttpClient Client);
