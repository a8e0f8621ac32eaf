using Changxing.Messaging.Data;
using Changxing.Contracts;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Runs;
using Changxing.Ticketing.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Trains;

public static class TrainEndpoints
{
    public static IEndpointRouteBuilder MapTrainEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ticketing/trains").WithTags("Trains");
        group.MapGet("/", List).AllowAnonymous().WithSummary("List the trains");
        group.MapGet("/{number}", Get).AllowAnonymous().WithSummary("Read a train: its stops, cars and fares").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        group.MapPut("/{number}", Put).RequireAuthorization(Roles.Operator).WithSummary("Create or replace a train (until a seat is sold or held)").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest, ReasonCodes.UnknownStation).ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound).ProducesProblemReasons(StatusCodes.Status409Conflict, ReasonCodes.Conflict);
        return app;
    }

    private static Ok<List<TrainSummary>> List(SearchReadModel model) =>
        TypedResults.Ok(model.Network.Trains.Values
            .OrderBy(t => t.Number, StringComparer.Ordinal)
            .Select(t => new TrainSummary(t.Number, t.Stops[0].StationCode, t.Stops[^1].StationCode, t.Stops[0].Departs, t.Stops[^1].Arrives, t.Stops.Count))
            .ToList());

    private static async Task<Results<Ok<TrainView>, ProblemHttpResult>> Get(string number, TicketingDbContext db, SearchReadModel model, CancellationToken cancellationToken)
    {
        var train = await db.Trains.AsNoTracking().Include(t => t.Stops).Include(t => t.Cars)
            .FirstOrDefaultAsync(t => t.Number == number.ToUpperInvariant(), cancellationToken);
        if (train is null)
        {
            return ProblemResults.NotFound($"There is no train {number}.");
        }

        var stations = model.Network.Stations;
        var cars = train.Cars.OrderBy(c => c.CarNumber).ToList();
        return TypedResults.Ok(new TrainView(
            train.Number,
            [.. train.Stops.OrderBy(s => s.Sequence).Select(s => new StopView(s.Sequence, s.StationCode, stations.TryGetValue(s.StationCode, out var st) ? st.Name : s.StationCode, s.Arrives, s.Departs, s.DayOffset, s.DistanceKm))],
            [.. cars.Select(c => new CarView(c.CarLabel, c.SeatClass, c.Rows, c.Letters, c.Rows * c.Letters.Length))],
            [.. cars.GroupBy(c => c.SeatClass).OrderBy(g => SeatClass.Order(g.Key)).Select(g => new SeatClassView(g.Key, SeatClass.Chinese(g.Key), g.Sum(c => c.Rows * c.Letters.Length)))]));
    }

    /// <summary>
    /// Creates or replaces a train. Refused (409) once any seat of the train was ever held: its legs would no longer
    /// mean the same stops. New trains run daily; the calendar schedules them at once.
    /// </summary>
    private static async Task<Results<Ok<TrainView>, ProblemHttpResult>> Put(
        string number, TrainDefinition definition, TicketingDbContext db, SearchReadModel model, RunCalendar calendar, CancellationToken cancellationToken)
    {
        number = number.ToUpperInvariant();
        if (!Train.IsWellFormedNumber(number))
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest, $"'{number}' is not a train number (a letter and digits, e.g. G1).");
        }

        var (reason, detail) = definition.Validate(model.Network.Stations.Keys.ToHashSet(StringComparer.Ordinal));
        if (reason is not null)
        {
            return ProblemResults.BadRequest(reason, detail!);
        }

        if (await db.SeatHolds.AnyAsync(h => h.TrainNumber == number, cancellationToken))
        {
            return ProblemResults.Conflict(ReasonCodes.Conflict, $"{number} already has seats sold or held; its stops and cars can no longer change.");
        }

        var train = definition.ToTrain(number);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var turn = await SqliteFileWriterGate.EnterAsync(db, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SegmentFares.Where(f => f.TrainNumber == number).ExecuteDeleteAsync(ct);
            await db.TrainCars.Where(c => c.TrainNumber == number).ExecuteDeleteAsync(ct);
            await db.TrainStops.Where(s => s.TrainNumber == number).ExecuteDeleteAsync(ct);
            if (!await db.Trains.AnyAsync(t => t.Number == number, ct))
            {
                db.Trains.Add(new Train { Number = number });
                await db.SaveChangesAsync(ct);
            }

            db.TrainStops.AddRange(train.Stops);
            db.TrainCars.AddRange(train.Cars);
            db.SegmentFares.AddRange(train.Fares);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

        await calendar.EnsureRunsAsync(cancellationToken);
        await model.ReloadAsync(db, cancellationToken);
        return (await Get(number, db, model, cancellationToken)).Result is Ok<TrainView> ok
            ? ok
            : ProblemResults.NotFound($"There is no train {number}.");
    }
}
