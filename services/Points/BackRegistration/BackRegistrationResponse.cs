namespace Changxing.Points.BackRegistration;

/// <summary>The lot a back-registration created (<see cref="LotId"/> is null when the ticket earned 0 points).</summary>
public sealed record BackRegistrationResponse(string TicketNumber, Guid MemberId, Guid? LotId, long Points, DateOnly? ExpiresOn, long LifetimeCredited);
