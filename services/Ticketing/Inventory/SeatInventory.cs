using Changxing.Contracts;
using Changxing.ServiceDefaults.Outcomes;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Search;
using Changxing.Ticketing.Trains;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Changxing.Ticketing.Inventory;

/// <summary>Seat holds on runs: take, release and expire them, atomically per run.</summary>
public sealed class SeatInventory(
    TicketingDbContext db,
    RunLocks locks,
    SearchReadModel readModel,
    TimeProvider clock,
    IOptions<TicketingOptions> options)
{
    public async Task<Outcome<SeatHold>> HoldAsync(HoldRequest request, CancellationToken cancellationToken)
    {
        if (request.RedemptionId is { } redemptionId
            && await db.SeatHolds.AsNoTracking().FirstOrDefaultAsync(h => h.RedemptionId == redemptionId, cancellationToken) is { } earlier)
        {
            return Repeat(earlier);
        }

        var resolved = await ResolveAsync(request, cancellationToken);
        if (!resolved.Succeeded)
        {
            return resolved.AsRejection<SeatHold>();
        }

        return await locks.ExecuteAsync(resolved.Value, run => TryHoldAsync(run, request, cancellationToken), cancellationToken);
    }

    /// <summary>Frees the redemption's seat and quota. No hold, or one already ended, is not an error: the answer is the same.</summary>
    public async Task<SeatHold?> ReleaseAsync(Guid redemptionId, CancellationToken cancellationToken)
    {
        var hold = await db.SeatHolds.AsNoTracking().FirstOrDefaultAsync(h => h.RedemptionId == redemptionId, cancellationToken);
        if (hold is null)
        {
            return null;
        }

        return await locks.ExecuteAsync(hold.RunId, async run =>
        {
            var current = await run.Db.SeatHolds.SingleAsync(h => h.Id == hold.Id, cancellationToken);
            if (current.Occupies)
            {
                run.Free(current);
                current.End(HoldStatus.Released, clock.GetUtcNow());
            }

            return current;
        }, cancellationToken);
    }

    /// <summary>Expires every hold of the run whose time is up (the hold sweeper, under the run's lock).</summary>
    public async Task<int> ExpireDueAsync(LockedRun run, CancellationToken cancellationToken)
    {
        var held = await run.Db.SeatHolds
            .Where(h => h.RunId == run.Run.Id && h.Status == HoldStatus.Held)
            .ToListAsync(cancellationToken);
        return Expire(run, held, clock.GetUtcNow());
    }

    /// <summary>The decision itself, under the run's lock. Also used by money-paid sales, which ticket at once.</summary>
    internal async Task<Outcome<SeatHold>> TryHoldAsync(LockedRun run, HoldRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // One read answers the three questions asked before a seat is taken: which of the run's held seats have
        // expired (freed first), whether this redemption already has a hold, and whether the passenger has a seat on
        // the run. Each arm of the OR has an index of its own (status, run and passenger, redemption), so the database
        // unions three index lookups instead of reading every hold the run ever had.
        var redemptionId = request.RedemptionId;
        var holds = await run.Db.SeatHolds
            .Where(h => (h.Status == HoldStatus.Held && h.RunId == run.Run.Id)
                || (h.RunId == run.Run.Id && h.PassengerKey == request.PassengerKey)
                || (redemptionId != null && h.RedemptionId == redemptionId))
            .ToListAsync(cancellationToken);
        Expire(run, holds.Where(h => h.Status == HoldStatus.Held && h.RunId == run.Run.Id), now);

        if (redemptionId is not null && holds.FirstOrDefault(h => h.RedemptionId == redemptionId) is { } earlier)
        {
            return Repeat(earlier);
        }

        if (holds.Any(h => h.RunId == run.Run.Id && h.PassengerKey == request.PassengerKey && h.Occupies))
        {
            return Outcome<SeatHold>.Rejected(ReasonCodes.PassengerAlreadyHasTicket, $"This passenger already has a seat on {run.Train.Number} of {run.Run.ServiceDate:yyyy-MM-dd}.");
        }

        var from = run.Train.IndexOf(request.FromStation);
        var to = run.Train.IndexOf(request.ToStation);
        var segment = SeatLegMask.Segment(from, to);
        var fare = run.Train.Fare(request.SeatClass, from, to) ?? 0m;

        Allotments.Allotment? allotment = null;
        if (request.AgainstQuota)
        {
            var matching = run.Allotments
                .Where(a => a.Covers(request.SeatClass, request.FromStation, request.ToStation))
                .OrderByDescending(a => a.Specificity)
                .ThenBy(a => a.Id)
                .ToList();
            if (matching.Count == 0)
            {
                return Outcome<SeatHold>.Rejected(ReasonCodes.NotRedeemable, $"{run.Train.Number} on {request.TravelDate:yyyy-MM-dd} has no \"兑\" allotment for {request.SeatClass} {request.FromStation}→{request.ToStation}.");
            }

            allotment = matching.FirstOrDefault(a => a.Left > 0);
            if (allotment is null)
            {
                return Outcome<SeatHold>.Rejected(ReasonCodes.QuotaExhausted, $"The \"兑\" quota for {run.Train.Number} {request.SeatClass} on {request.TravelDate:yyyy-MM-dd} is used up.");
            }
        }

        if (run.ChooseSeat(request.SeatClass, segment) is not { } seat)
        {
            return Outcome<SeatHold>.Rejected(ReasonCodes.SoldOut, $"{request.SeatClass} on {run.Train.Number} {request.FromStation}→{request.ToStation} is sold out.");
        }

        run.Occupy(request.SeatClass, seat, segment);
        if (allotment is not null)
        {
            allotment.Used++;
        }

        var hold = new SeatHold
        {
            Id = Guid.NewGuid(),
            RedemptionId = request.RedemptionId,
            RunId = run.Run.Id,
            TrainNumber = run.Train.Number,
            TravelDate = request.TravelDate,
            MemberId = request.MemberId,
            PassengerKey = request.PassengerKey,
            SeatClass = request.SeatClass,
            Car = seat.Car,
            Seat = seat.Seat,
            FromStation = request.FromStation,
            ToStation = request.ToStation,
            Legs = unchecked((long)segment.Bits),
            AllotmentId = allotment?.Id,
            Fare = fare,
            CreatedAt = now,
        };
        hold.ExpireAfter(now + options.Value.HoldDuration);
        run.Db.SeatHolds.Add(hold);
        return Outcome<SeatHold>.Success(hold);
    }

    /// <summary>Checks what can be checked without the lock and finds the run's id: unknown train, stations or date are refused.</summary>
    internal async Task<Outcome<Guid>> ResolveAsync(HoldRequest request, CancellationToken cancellationToken)
    {
        if (!readModel.Network.Trains.TryGetValue(request.TrainNumber, out var train))
        {
            return Outcome<Guid>.Rejected(ReasonCodes.UnknownTrain, $"There is no train {request.TrainNumber}.");
        }

        var from = train.IndexOf(request.FromStation);
        var to = train.IndexOf(request.ToStation);
        if (from < 0 || to < 0 || to <= from)
        {
            return Outcome<Guid>.Rejected(ReasonCodes.UnknownTrain, $"{train.Number} does not run from {request.FromStation} to {request.ToStation}.");
        }

        if (train.Layout(request.SeatClass) is null || train.Fare(request.SeatClass, from, to) is null)
        {
            return Outcome<Guid>.Rejected(
                request.AgainstQuota ? ReasonCodes.NotRedeemable : ReasonCodes.InvalidRequest,
                $"{train.Number} sells no {request.SeatClass} from {request.FromStation} to {request.ToStation}.");
        }

        // Runs are created and never deleted, so a run the read model knows is the run: no read of the table. One it
        // does not know yet (created by another instance since the last reload) is looked up.
        var serviceDate = train.ServiceDateFor(from, request.TravelDate);
        var runId = readModel.Find(train.Number, serviceDate)?.RunId ?? await db.Runs.AsNoTracking()
            .Where(r => r.TrainNumber == train.Number && r.ServiceDate == serviceDate)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (runId is null)
        {
            return Outcome<Guid>.Rejected(ReasonCodes.UnknownTrain, $"{train.Number} does not run on {request.TravelDate:yyyy-MM-dd} from {request.FromStation}.");
        }

        if (train.DepartsAt(serviceDate, from) <= clock.GetUtcNow())
        {
            return Outcome<Guid>.Rejected(
                request.AgainstQuota ? ReasonCodes.NotRedeemable : ReasonCodes.InvalidRequest,
                $"{train.Number} has already left {request.FromStation} on {request.TravelDate:yyyy-MM-dd}.");
        }

        return Outcome<Guid>.Success(runId.Value);
    }

    private static int Expire(LockedRun run, IEnumerable<SeatHold> held, DateTimeOffset now)
    {
        var expired = 0;
        foreach (var hold in held.Where(h => h.HasExpiredAt(now)).ToList())
        {
            run.Free(hold);
            hold.End(HoldStatus.Expired, now);
            expired++;
        }

        return expired;
    }

    private Outcome<SeatHold> Repeat(SeatHold earlier) => earlier.Status switch
    {
        HoldStatus.Held when earlier.HasExpiredAt(clock.GetUtcNow()) => Outcome<SeatHold>.Rejected(ReasonCodes.HoldExpired, "This redemption's seat hold has expired."),
        HoldStatus.Held or HoldStatus.Ticketed => Outcome<SeatHold>.Success(earlier),
        HoldStatus.Expired => Outcome<SeatHold>.Rejected(ReasonCodes.HoldExpired, "This redemption's seat hold has expired."),
        _ => Outcome<SeatHold>.Rejected(ReasonCodes.HoldAlreadyReleased, "This redemption's seat hold was already released."),
    };
}
