namespace Changxing.TestSupport.BadInput;

/// <summary>A fuzzer marker found in a stored row: which table, which case put it there, and the value around it.</summary>
public sealed record StoredMarker(string Table, int CaseNumber, string Excerpt);
