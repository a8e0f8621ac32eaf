using Changxing.Contracts;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Stations;

public static class StationEndpoints
{
    public static IEndpointRouteBuilder MapStationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ticketing/stations").WithTags("Stations");
        group.MapGet("/", List).AllowAnonymous().WithSummary("List stations, or find them by name, pinyin or code");
        group.MapPut("/{code}", Put).RequireAuthorization(Roles.Operator).WithSummary("Create or rename a station").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest);
        return app;
    }

    /// <summary>Public reference data; <c>q</c> filters by code, Chinese name or pinyin.</summary>
    private static Ok<List<StationView>> List(string? q, SearchReadModel model)
    {
        var stations = model.Network.Stations.Values
            .Where(s => string.IsNullOrWhiteSpace(q)
                || s.Code.Equals(q.Trim(), StringComparison.OrdinalIgnoreCase)
                || s.Name.Contains(q.Trim(), StringComparison.Ordinal)
                || s.Pinyin.Replace(" ", string.Empty, StringComparison.Ordinal).Contains(q.Trim().Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => new StationView(s.Code, s.Name, s.Pinyin))
            .ToList();
        return TypedResults.Ok(stations);
    }

    private static async Task<Results<Ok<StationView>, ProblemHttpResult>> Put(
        string code, StationInput input, TicketingDbContext db, SearchReadModel model, CancellationToken cancellationToken)
    {
        code = code.ToUpperInvariant();
        if (!Station.IsWellFormedCode(code) || !Station.IsWellFormedText(input.Name, Station.MaxNameLength) || !Station.IsWellFormedText(input.Pinyin, Station.MaxPinyinLength))
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest,
                $"A station needs a three-letter telegraph code, a Chinese name (at most {Station.MaxNameLength} characters) and its pinyin (at most {Station.MaxPinyinLength}), without control characters.");
        }

        var station = await db.Stations.FindAsync([code], cancellationToken);
        if (station is null)
        {
            db.Stations.Add(new Station { Code = code, Name = input.Name.Trim(), Pinyin = input.Pinyin.Trim() });
        }
        else
        {
            station.Name = input.Name.Trim();
            station.Pinyin = input.Pinyin.Trim();
        }

        await db.SaveChangesAsync(cancellationToken);
        await model.ReloadAsync(db, cancellationToken);
        return TypedResults.Ok(new StationView(code, input.Name.Trim(), input.Pinyin.Trim()));
    }
}

public sealed record StationInput(string Name, string Pinyin);
