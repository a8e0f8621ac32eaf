using Changxing.Ticketing.Allotments;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Runs;
using Changxing.Ticketing.Search;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Inventory;

/// <summary>
/// A run whose row is locked by the current transaction, with its sold seats and "兑" allotments loaded.
/// Everything that takes or frees a seat happens here, so no two writers ever see the same free seat.
/// The seats are read without tracking, and a seat joins the context only when it is taken or freed: a busy run
/// has hundreds of sold seats, and tracking them all made every hold pay for snapshots and change detection of
/// seats it never touched.
/// </summary>
public sealed class LockedRun(TicketingDbContext db, Run run, TrainTopology train, List<RunSeat> seats, List<Allotment> allotments)
{
    private readonly Dictionary<(string Car, string Seat), RunSeat> _seats = seats.ToDictionary(s => (s.Car, s.Seat));

    public TicketingDbContext Db { get; } = db;

    public Run Run { get; } = run;

    public TrainTopology Train { get; } = train;

    public IReadOnlyList<Allotment> Allotments => allotments;

    /// <summary>A new allotment, already added to the context, that the snapshot must include.</summary>
    public void Add(Allotment allotment) => allotments.Add(allotment);

    /// <summary>
    /// The seat of the class that is free on every leg of the segment and strands the fewest free legs around it
    /// (best fit), so short gaps are filled first and whole free seats are kept for long journeys. Ties go to the
    /// lowest car and seat. Null when sold out for the segment.
    /// </summary>
    public SeatPosition? ChooseSeat(string seatClass, SeatLegMask segment)
    {
        var layout = Train.Layout(seatClass);
        if (layout is null)
        {
            return null;
        }

        SeatPosition? best = null;
        var bestStranded = int.MaxValue;
        foreach (var position in layout.Seats)
        {
            var sold = _seats.TryGetValue((position.Car, position.Seat), out var seat) ? seat.Sold : SeatLegMask.None;
            if (sold.Overlaps(segment))
            {
                continue;
            }

            var stranded = sold.LegsStrandedBy(segment, Train.LegCount);
            if (stranded < bestStranded)
            {
                best = position;
                bestStranded = stranded;
                if (stranded == 0)
                {
                    break;
                }
            }
        }

        return best;
    }

    public void Occupy(string seatClass, SeatPosition position, SeatLegMask segment)
    {
        if (!_seats.TryGetValue((position.Car, position.Seat), out var seat))
        {
            seat = new RunSeat { RunId = Run.Id, Car = position.Car, Seat = position.Seat, SeatClass = seatClass };
            _seats[(position.Car, position.Seat)] = seat;
            Db.RunSeats.Add(seat);
        }
        else
        {
            Track(seat);
        }

        if (seat.Sold.Overlaps(segment))
        {
            throw new InvalidOperationException($"Seat {position.Car}-{position.Seat} is already sold on part of {segment}.");
        }

        seat.Sold = seat.Sold.With(segment);
    }

    /// <summary>Gives a hold's seat-legs and its "兑" quota back.</summary>
    public void Free(SeatHold hold)
    {
        if (_seats.TryGetValue((hold.Car, hold.Seat), out var seat))
        {
            Track(seat);
            seat.Sold = seat.Sold.Without(hold.LegMask);
        }

        if (hold.AllotmentId is { } allotmentId && Allotments.FirstOrDefault(a => a.Id == allotmentId) is { } allotment)
        {
            allotment.Used = Math.Max(0, allotment.Used - 1);
        }
    }

    /// <summary>Starts tracking a seat read without tracking, before it changes, so the save writes the change.</summary>
    private void Track(RunSeat seat)
    {
        if (Db.Entry(seat).State == EntityState.Detached)
        {
            Db.RunSeats.Attach(seat);
        }
    }

    public RunAvailability Snapshot() =>
        new(Run.Id, Run.TrainNumber, Run.ServiceDate, Run.Version, _seats.Values, Allotments);
}
