using Changxing.Contracts;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Inventory;
using Changxing.Ticketing.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Runs;

public static class RunEndpoints
{
    public static IEndpointRouteBuilder MapRunEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ticketing/runs/{train}/{date}", Get).WithTags("Runs").RequireAuthorization(Roles.Operator).WithSummary("Read a run of a train on a day: its seats and holds").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest).ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        return app;
    }

    /// <summary>An operator's view of one run: its version, "兑" allotments and every seat sold on some leg.</summary>
    private static async Task<Results<Ok<RunView>, ProblemHttpResult>> Get(string train, DateOnly date, TicketingDbContext db, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.TrainNumber == train.ToUpperInvariant() && r.ServiceDate == date, cancellationToken);
        if (run is null)
        {
            return ProblemResults.NotFound($"{train} does not run on {date:yyyy-MM-dd}.");
        }

        var seats = await db.RunSeats.AsNoTracking().Where(s => s.RunId == run.Id && s.SoldLegs != 0).ToListAsync(cancellationToken);
        var allotments = await db.Allotments.AsNoTracking().Where(a => a.RunId == run.Id).ToListAsync(cancellationToken);
        var holds = await db.SeatHolds.AsNoTracking().CountAsync(h => h.RunId == run.Id && h.Status == HoldStatus.Held, cancellationToken);
        return TypedResults.Ok(new RunView(
            run.TrainNumber,
            run.ServiceDate,
            run.Version,
            holds,
            [.. allotments.Select(a => new AllotmentView(a.Id, a.SeatClass, a.FromStation, a.ToStation, a.Quota, a.Used))],
            [.. seats.OrderBy(s => s.Car, StringComparer.Ordinal).ThenBy(s => s.Seat, StringComparer.Ordinal).Select(s => new SoldSeatView(s.Car, s.Seat, s.SeatClass, s.Sold.ToString()))]));
    }
}

public sealed record RunView(string TrainNumber, DateOnly ServiceDate, long Version, int ActiveHolds, IReadOnlyList<AllotmentView> Allotments, IReadOnlyList<SoldSeatView> SoldSeats);

/// <summary><c>Legs</c> is the sold-leg bitmask in binary, leg 0 rightmost.</summary>
public sealed record SoldSeatView(string Car, string Seat, string SeatClass, string Legs);
