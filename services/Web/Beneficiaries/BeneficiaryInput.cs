namespace Changxing.Web.Beneficiaries;

/// <summary>A beneficiary (受让人) to add: the person's name and ID number; the images and video come as files.</summary>
public sealed class BeneficiaryInput
{
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
}
