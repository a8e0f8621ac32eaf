namespace Changxing.Contracts.Membership;

/// <summary>
/// Saga step 1 (command to Membership): consume the one-time payment authorisation and check that the
/// member is active and the passenger allowed. <paramref name="BeneficiaryId"/> is null when the member travels.
/// Answered with <see cref="RedemptionAuthorised"/> or <see cref="RedemptionAuthorisationRejected"/>; idempotent by redemption id.
/// </summary>
public sealed record AuthoriseRedemption(Guid RedemptionId, Guid MemberId, Guid? BeneficiaryId, string AuthorisationCode);
