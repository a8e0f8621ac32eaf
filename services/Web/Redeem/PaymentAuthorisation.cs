namespace Changxing.Web.Redeem;

/// <summary>A one-time payment authorisation (valid 5 minutes) issued for the right consumption password.</summary>
public sealed record PaymentAuthorisation(string AuthorisationCode, DateTimeOffset ExpiresAt);
