using Changxing.Ticketing.Redemptions.Strikes;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Changxing.Ticketing.Data.Migrations;

/// <summary>
/// Data for the StrikeCounterTicketRequestDeadline migration, the same on every provider but for the boolean literal:
/// the open ticket is the last one counted, and a ticket asked for and not yet announced gets a deadline that is due
/// at once, so the sweeper asks Membership again (without the failures, which the old row did not keep).
/// </summary>
internal static class StrikeCounterTicketRequestDeadlineBackfill
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        var yes = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? "TRUE" : "1";
        migrationBuilder.Sql("""UPDATE "payment_strikes" SET "LastTicketNumber" = "OpenTicketNumber";""");
        migrationBuilder.Sql($"""
            UPDATE "payment_strikes"
            SET "DeadlineStep" = '{PaymentStrikeStateMachine.OpenSupportTicketStep}', "DeadlineAttempt" = 1, "DeadlineAt" = '2000-01-01 00:00:00'
            WHERE "TicketRequested" = {yes} AND "OpenTicketNumber" IS NULL;
            """);
    }
}
