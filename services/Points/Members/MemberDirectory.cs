using Changxing.Contracts.Membership;
using Changxing.Points.Data;

namespace Changxing.Points.Members;

/// <summary>The local directory of active members, fed by MemberActivated.</summary>
public sealed class MemberDirectory(PointsDbContext db, MemberTransactions transactions)
{
    /// <summary>Adds the member, or refreshes name and birth date on a repeated activation; lifetime totals are untouched.</summary>
    public Task RegisterAsync(MemberActivated activated, CancellationToken cancellationToken) =>
        transactions.RunAsync(activated.MemberId, member =>
        {
            if (member is null)
            {
                db.Members.Add(new PointsMember(activated.MemberId, activated.DisplayName, activated.BirthDate, activated.ActivatedAt));
            }
            else
            {
                member.UpdateProfile(activated.DisplayName, activated.BirthDate);
            }

            return Task.FromResult(true);
        }, cancellationToken);
}
