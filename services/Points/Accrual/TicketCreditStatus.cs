namespace Changxing.Points.Accrual;

public enum TicketCreditStatus
{
    Credited,
    AlreadyCredited,
    PaidWithPoints,
    MemberUnknown,
    TooLate,
    NotYetDeparted,
}
