namespace Changxing.Ticketing.Search;

/// <summary>单程 one-way or 往返 return. Round trips cannot be paid with points, so a return leg never shows "兑".</summary>
public enum TripType
{
    OneWay,
    Return,
}
