using Changxing.Contracts;
using Changxing.ServiceDefaults.Time;
using Changxing.Ticketing.Trains;

namespace Changxing.Ticketing.Search;

/// <summary>The checked inputs of a search or quote: known stations, a date today or later, and the trip type.</summary>
public sealed record SearchRequest(string From, string To, DateOnly Date, TripType Trip)
{
    public static (SearchRequest? Request, string? Reason, string? Detail) Parse(
        NetworkSnapshot network, TimeProvider clock, string? from, string? to, string? date, string? trip)
    {
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to) || string.IsNullOrWhiteSpace(date))
        {
            return (null, ReasonCodes.InvalidRequest, "from, to and date (yyyy-MM-dd) are required.");
        }

        from = RequestText.Code(from);
        to = RequestText.Code(to);
        date = RequestText.Text(date);
        foreach (var code in new[] { from, to })
        {
            if (!network.Stations.ContainsKey(code))
            {
                return (null, ReasonCodes.UnknownStation, $"There is no station with telegraph code '{code}'.");
            }
        }

        if (from == to)
        {
            return (null, ReasonCodes.InvalidRequest, "The from and to stations are the same.");
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return (null, ReasonCodes.InvalidRequest, $"'{date}' is not a date (yyyy-MM-dd).");
        }

        var today = ChinaCalendar.Today(clock);
        if (day < today)
        {
            return (null, ReasonCodes.InvalidRequest, $"{day:yyyy-MM-dd} is in the past (today is {today:yyyy-MM-dd}, Beijing time).");
        }

        var tripType = TripType.OneWay;
        if (!string.IsNullOrWhiteSpace(trip) && !Enum.TryParse(RequestText.Code(trip), ignoreCase: true, out tripType))
        {
            return (null, ReasonCodes.InvalidRequest, "trip is OneWay or Return.");
        }

        return (new SearchRequest(from, to, day, tripType), null, null);
    }
}
