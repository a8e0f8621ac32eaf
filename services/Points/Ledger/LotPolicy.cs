using Microsoft.Extensions.Options;

namespace Changxing.Points.Ledger;

/// <summary>
/// Every credit is a lot valid 12 months from the day it was credited: a lot credited on 2026-03-01 pays up to
/// 2027-02-28 and is expired from <see cref="ExpiresOn"/> = 2027-03-01. Its last <see cref="PointsOptions.ExpiringSoonDays"/>
/// days (default 30) are the expiring-soon window, frozen when <see cref="PointsOptions.FreezeExpiringSoon"/> (default).
/// </summary>
public sealed class LotPolicy(IOptions<PointsOptions> options)
{
    public const int ValidityMonths = 12;

    public static DateOnly ExpiresOn(DateOnly creditedOn) => creditedOn.AddMonths(ValidityMonths);

    public LotState StateOn(PointsLot lot, DateOnly today)
    {
        if (lot.ExpiredAt is not null || today >= lot.ExpiresOn)
        {
            return LotState.Expired;
        }

        return today >= lot.ExpiresOn.AddDays(-options.Value.ExpiringSoonDays) ? LotState.ExpiringSoon : LotState.Usable;
    }

    public bool CanPay(PointsLot lot, DateOnly today) => StateOn(lot, today) switch
    {
        LotState.Usable => true,
        LotState.ExpiringSoon => !options.Value.FreezeExpiringSoon,
        _ => false,
    };
}
