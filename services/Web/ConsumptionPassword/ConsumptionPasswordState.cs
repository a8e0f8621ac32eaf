namespace Changxing.Web.ConsumptionPassword;

/// <summary>Membership's view of the consumption password (消费密码): set or not, and whether wrong entries locked it.</summary>
public sealed record ConsumptionPasswordState(bool IsSet, bool Locked, DateTimeOffset? LockedUntil, int? AttemptsLeft);
