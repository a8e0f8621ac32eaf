namespace Changxing.Web.Redeem;

/// <summary>
/// The redeem form. The idempotency key is made when the form is shown, so submitting the same form twice starts one
/// redemption, not two.
/// </summary>
public sealed class RedeemInput
{
    public string? BeneficiaryId { get; set; }
    public string? ConsumptionPassword { get; set; }
    public string? IdempotencyKey { get; set; }
}
