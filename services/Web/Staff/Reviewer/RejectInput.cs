namespace Changxing.Web.Staff.Reviewer;

/// <summary>Why a reviewer (or the support desk, resolving) decided as they did; the member reads it.</summary>
public sealed class RejectInput
{
    public string? Reason { get; set; }
}
