using Changxing.Contracts;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Inventory;
using Changxing.Ticketing.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Allotments;

/// <summary>Operators manage the "兑" allotments of a run (identified by train and the date it leaves its origin).</summary>
public static class AllotmentEndpoints
{
    public static IEndpointRouteBuilder MapAllotmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ticketing/runs/{train}/{date}/allotments").WithTags("Allotments").RequireAuthorization(Roles.Operator);
        group.MapGet("/", List).WithSummary("List a run's 兑 allotments").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest).ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        group.MapPost("/", Add).WithSummary("Add a 兑 allotment to a run").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest).ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        group.MapPut("/{id:guid}", SetQuota).WithSummary("Set a 兑 allotment's quota").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest).ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        return app;
    }

    private static async Task<Results<Ok<List<AllotmentView>>, ProblemHttpResult>> List(string train, DateOnly date, TicketingDbContext db, CancellationToken cancellationToken)
    {
        var runId = await RunIdAsync(db, train, date, cancellationToken);
        if (runId is null)
        {
            return ProblemResults.NotFound($"{train} does not run on {date:yyyy-MM-dd}.");
        }

        var allotments = await db.Allotments.AsNoTracking().Where(a => a.RunId == runId).ToListAsync(cancellationToken);
        return TypedResults.Ok(allotments.Select(View).ToList());
    }

    private static async Task<Results<Created<AllotmentView>, ProblemHttpResult>> Add(
        string train, DateOnly date, AllotmentInput input, TicketingDbContext db, RunLocks locks, SearchReadModel model, CancellationToken cancellationToken)
    {
        var runId = await RunIdAsync(db, train, date, cancellationToken);
        if (runId is null)
        {
            return ProblemResults.NotFound($"{train} does not run on {date:yyyy-MM-dd}.");
        }

        var topology = model.Network.Trains[train.ToUpperInvariant()];
        var from = input.FromStation is null ? 0 : topology.IndexOf(input.FromStation);
        var to = input.ToStation is null ? topology.Stops.Count - 1 : topology.IndexOf(input.ToStation);
        if (topology.Layout(input.SeatClass) is not { } layout || input.Quota < 0 || input.Quota > layout.Capacity || from < 0 || to <= from)
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest, $"An allotment needs a class {topology.Number} carries, a quota from 0 to the seats of that class and, if restricted, its stations in order.");
        }

        var allotment = await locks.ExecuteAsync(runId.Value, run =>
        {
            var added = new Allotment
            {
                Id = Guid.NewGuid(),
                RunId = run.Run.Id,
                SeatClass = input.SeatClass,
                FromStation = input.FromStation,
                ToStation = input.ToStation,
                Quota = input.Quota,
            };
            run.Db.Allotments.Add(added);
            run.Add(added);
            return Task.FromResult(added);
        }, cancellationToken);
        return TypedResults.Created($"/api/ticketing/runs/{train}/{date:yyyy-MM-dd}/allotments/{allotment.Id}", View(allotment));
    }

    /// <summary>Sets the quota; a quota below what is already used simply leaves none.</summary>
    private static async Task<Results<Ok<AllotmentView>, ProblemHttpResult>> SetQuota(
        string train, DateOnly date, Guid id, QuotaInput input, TicketingDbContext db, RunLocks locks, SearchReadModel model, CancellationToken cancellationToken)
    {
        var runId = await RunIdAsync(db, train, date, cancellationToken);
        var seatClass = runId is null
            ? null
            : await db.Allotments.AsNoTracking().Where(a => a.Id == id && a.RunId == runId).Select(a => a.SeatClass).FirstOrDefaultAsync(cancellationToken);
        if (runId is null || seatClass is null)
        {
            return ProblemResults.NotFound($"There is no such allotment on {train} of {date:yyyy-MM-dd}.");
        }

        var seats = model.Network.Trains[train.ToUpperInvariant()].Layout(seatClass)?.Capacity ?? 0;
        if (input.Quota < 0 || input.Quota > seats)
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest, $"The quota is 0 to the {seats} {seatClass} seats of the train.");
        }

        var allotment = await locks.ExecuteAsync(runId.Value, run =>
        {
            var a = run.Allotments.Single(x => x.Id == id);
            a.Quota = input.Quota;
            return Task.FromResult(a);
        }, cancellationToken);
        return TypedResults.Ok(View(allotment));
    }

    private static Task<Guid?> RunIdAsync(TicketingDbContext db, string train, DateOnly date, CancellationToken cancellationToken) =>
        db.Runs.AsNoTracking()
            .Where(r => r.TrainNumber == train.ToUpperInvariant() && r.ServiceDate == date)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private static AllotmentView View(Allotment a) => new(a.Id, a.SeatClass, a.FromStation, a.ToStation, a.Quota, a.Used);
}

public sealed record AllotmentInput(string SeatClass, string? FromStation, string? ToStation, int Quota);

public sealed record QuotaInput(int Quota);
