namespace Changxing.Membership;

/// <summary>A step asked in a state that does not allow it, e.g. approving a review that is not pending; endpoints answer 409.</summary>
public sealed class StateConflictException(string message) : Exception(message);
