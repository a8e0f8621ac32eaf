using Changxing.Contracts;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Changxing.Ticketing.Search;

public static class SearchEndpoints
{
    /// <summary>Public: search (余票查询) and the points quote the redemption API prices a request with.</summary>
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ticketing").WithTags("Search").AllowAnonymous();
        group.MapGet("/search", Search).WithSummary("Search trains between two stations on a day, with fares, seats left and the 兑 mark").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest, ReasonCodes.UnknownStation, ReasonCodes.UnknownTrain);
        group.MapGet("/quote", Quote).WithSummary("Quote the points price of one train and seat class").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest, ReasonCodes.UnknownStation, ReasonCodes.UnknownTrain, ReasonCodes.RoundTripNotAllowed).ProducesProblemReasons(StatusCodes.Status422UnprocessableEntity, ReasonCodes.NotRedeemable, ReasonCodes.QuotaExhausted, ReasonCodes.SoldOut);
        return app;
    }

    private static Results<Ok<SearchResponse>, ProblemHttpResult> Search(
        string? from, string? to, string? date, string? trip, string? train, SearchReadModel model, TrainSearch search, TimeProvider clock)
    {
        var (request, reason, detail) = SearchRequest.Parse(model.Network, clock, from, to, date, trip);
        if (request is null)
        {
            return ProblemResults.BadRequest(reason!, detail!);
        }

        if (!string.IsNullOrWhiteSpace(train))
        {
            train = train.Trim().ToUpperInvariant();
            if (!model.Network.Trains.TryGetValue(train, out var topology))
            {
                return ProblemResults.BadRequest(Contracts.ReasonCodes.UnknownTrain, $"There is no train {train}.");
            }

            var fromStop = topology.IndexOf(request.From);
            var toStop = topology.IndexOf(request.To);
            if (fromStop >= 0 && toStop >= 0 && toStop < fromStop)
            {
                return ProblemResults.BadRequest(Contracts.ReasonCodes.InvalidRequest, $"On {train}, {request.To} comes before {request.From}.");
            }
        }

        return TypedResults.Ok(search.Search(request, string.IsNullOrWhiteSpace(train) ? null : train));
    }

    private static Results<Ok<RedemptionQuote>, ProblemHttpResult> Quote(
        string? train, string? seatClass, string? from, string? to, string? date, string? trip, SearchReadModel model, TrainSearch search, TimeProvider clock)
    {
        var (request, reason, detail) = SearchRequest.Parse(model.Network, clock, from, to, date, trip);
        if (request is null)
        {
            return ProblemResults.BadRequest(reason!, detail!);
        }

        if (string.IsNullOrWhiteSpace(train) || string.IsNullOrWhiteSpace(seatClass))
        {
            return ProblemResults.BadRequest(Contracts.ReasonCodes.InvalidRequest, "train and seatClass are required.");
        }

        var (quote, refused, why) = search.Quote(request, train.Trim().ToUpperInvariant(), seatClass.Trim());
        if (quote is not null)
        {
            return TypedResults.Ok(quote);
        }

        return refused is Contracts.ReasonCodes.InvalidRequest or Contracts.ReasonCodes.UnknownTrain or Contracts.ReasonCodes.RoundTripNotAllowed
            ? ProblemResults.BadRequest(refused, why!)
            : ProblemResults.Unprocessable(refused!, why!);
    }
}
