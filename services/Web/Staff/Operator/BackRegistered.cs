namespace Changxing.Web.Staff.Operator;

/// <summary>Points' answer to a back-registration: the lot credited.</summary>
public sealed record BackRegistered(string TicketNumber, Guid MemberId, Guid LotId, long Points, DateOnly ExpiresOn, long LifetimeCredited);
