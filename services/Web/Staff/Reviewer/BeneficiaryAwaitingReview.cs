using Changxing.Web.Beneficiaries;

namespace Changxing.Web.Staff.Reviewer;

/// <summary>A beneficiary submission with its ID images and face video (<c>GET /api/membership/reviews/beneficiaries</c>).</summary>
public sealed record BeneficiaryAwaitingReview(Guid MemberId, Beneficiary Beneficiary, BeneficiaryFiles Files);

public sealed record BeneficiaryFiles(string IdFront, string IdBack, string FaceVideo);
