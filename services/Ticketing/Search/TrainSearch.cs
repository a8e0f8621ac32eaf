using Changxing.Contracts;
using Changxing.Ticketing.Inventory;
using Changxing.Ticketing.Trains;

namespace Changxing.Ticketing.Search;

/// <summary>Answers searches and quotes from the read model alone.</summary>
public sealed partial class TrainSearch(SearchReadModel model, TimeProvider clock, ILogger<TrainSearch> logger)
{
    public SearchResponse Search(SearchRequest request, string? trainNumber = null)
    {
        var network = model.Network;
        var offers = new List<TrainOffer>();
        if (network.Calls.TryGetValue(request.From, out var calls))
        {
            foreach (var call in calls)
            {
                var train = call.Train;
                if (trainNumber is not null && train.Number != trainNumber)
                {
                    continue;
                }

                var to = train.IndexOf(request.To);
                if (to <= call.Stop)
                {
                    continue;
                }

                try
                {
                    var serviceDate = train.ServiceDateFor(call.Stop, request.Date);
                    if (model.Find(train.Number, serviceDate) is not { } run)
                    {
                        continue;
                    }

                    offers.Add(Offer(train, run, call.Stop, to, request));
                }
                catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
                {
                    // A stored row beyond the bounds the API now enforces (written before them, or by hand) leaves
                    // out its own train, not every train of the route.
                    LogImplausibleTrain(logger, e, train.Number);
                }
            }
        }

        offers.Sort((a, b) => a.DepartsAt.CompareTo(b.DepartsAt));
        return new SearchResponse(View(network, request.From), View(network, request.To), request.Date, request.Trip, offers);
    }

    /// <summary>
    /// Prices one class of one train for points and says whether it may be redeemed now, with the reason when not:
    /// RoundTripNotAllowed, UnknownTrain, InvalidRequest (to before from), NotRedeemable, QuotaExhausted, SoldOut.
    /// </summary>
    public (RedemptionQuote? Quote, string? Reason, string? Detail) Quote(SearchRequest request, string trainNumber, string seatClass)
    {
        if (request.Trip == TripType.Return)
        {
            return (null, ReasonCodes.RoundTripNotAllowed, "Round trips cannot be paid with points: redeem one-way tickets only.");
        }

        if (!model.Network.Trains.TryGetValue(trainNumber, out var train))
        {
            return (null, ReasonCodes.UnknownTrain, $"There is no train {trainNumber}.");
        }

        var from = train.IndexOf(request.From);
        var to = train.IndexOf(request.To);
        if (from < 0 || to < 0)
        {
            return (null, ReasonCodes.UnknownTrain, $"{trainNumber} does not call at both {request.From} and {request.To}.");
        }

        if (to < from)
        {
            return (null, ReasonCodes.InvalidRequest, $"On {trainNumber}, {request.To} comes before {request.From}.");
        }

        var serviceDate = train.ServiceDateFor(from, request.Date);
        if (model.Find(trainNumber, serviceDate) is not { } run)
        {
            return (null, ReasonCodes.UnknownTrain, $"{trainNumber} does not run on {request.Date:yyyy-MM-dd}.");
        }

        var offer = Offer(train, run, from, to, request).Classes.FirstOrDefault(c => c.SeatClass == seatClass);
        if (offer is null)
        {
            return (null, ReasonCodes.NotRedeemable, $"{trainNumber} sells no {seatClass} from {request.From} to {request.To}.");
        }

        var quotaLeft = run.QuotaLeft(seatClass, request.From, request.To);
        if (quotaLeft == 0)
        {
            var any = run.Allotments.Any(a => a.SeatClass == seatClass && (a.FromStation is null || a.FromStation == request.From) && (a.ToStation is null || a.ToStation == request.To));
            return any
                ? (null, ReasonCodes.QuotaExhausted, $"The \"兑\" quota of {trainNumber} {seatClass} on {request.Date:yyyy-MM-dd} is used up.")
                : (null, ReasonCodes.NotRedeemable, $"{trainNumber} {seatClass} {request.From}→{request.To} on {request.Date:yyyy-MM-dd} is not \"兑\".");
        }

        if (offer.SeatsLeft == 0)
        {
            return (null, ReasonCodes.SoldOut, $"{trainNumber} {seatClass} {request.From}→{request.To} is sold out.");
        }

        return (new RedemptionQuote(trainNumber, request.Date, request.From, request.To, seatClass, offer.Fare,
            RedemptionPricing.Points(offer.Fare), offer.SeatsLeft, quotaLeft, train.DepartsAt(serviceDate, from)), null, null);
    }

    private TrainOffer Offer(TrainTopology train, RunAvailability run, int from, int to, SearchRequest request)
    {
        var segment = SeatLegMask.Segment(from, to);
        var departs = train.DepartsAt(run.ServiceDate, from);
        var arrives = train.ArrivesAt(run.ServiceDate, to);
        var departed = departs <= clock.GetUtcNow();
        var classes = new List<ClassOffer>(train.Classes.Count);
        foreach (var layout in train.Classes)
        {
            if (train.Fare(layout.SeatClass, from, to) is not { } fare)
            {
                continue;
            }

            var seatsLeft = departed ? 0 : run.SeatsLeft(layout, segment);
            var redeemable = request.Trip == TripType.OneWay
                && seatsLeft > 0
                && run.QuotaLeft(layout.SeatClass, request.From, request.To) > 0;
            classes.Add(new ClassOffer(
                layout.SeatClass,
                SeatClass.Chinese(layout.SeatClass),
                fare,
                seatsLeft,
                redeemable,
                redeemable ? RedemptionPricing.Mark : null,
                redeemable ? RedemptionPricing.Points(fare) : null));
        }

        var minutes = (int)(arrives - departs).TotalMinutes;
        return new TrainOffer(train.Number, train.Stops[from].StationCode, train.Stops[to].StationCode, departs, arrives, minutes,
            $"{minutes / 60:00}:{minutes % 60:00}", classes);
    }

    private static StationView View(NetworkSnapshot network, string code)
    {
        var s = network.Stations[code];
        return new StationView(s.Code, s.Name, s.Pinyin);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Train {TrainNumber} was left out of a search: its stored timetable or fares are out of range")]
    private static partial void LogImplausibleTrain(ILogger logger, Exception exception, string trainNumber);
}
