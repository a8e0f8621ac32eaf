using Microsoft.EntityFrameworkCore.Migrations;

namespace Changxing.Membership.Data.Migrations;

/// <summary>
/// Data for the BeneficiarySlotsAndTicketAnnouncement migration, the same on every provider (quoted identifiers):
/// each member's held beneficiaries get slots 1, 2, ... in id order, and existing tickets count as announced (they were
/// published when opened), so no redelivery announces them again.
/// </summary>
internal static class BeneficiarySlotsAndTicketAnnouncementBackfill
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            UPDATE "Beneficiaries" SET "Slot" = (
                SELECT COUNT(*) FROM "Beneficiaries" AS held
                WHERE held."MemberId" = "Beneficiaries"."MemberId" AND held."SlotKey" IS NOT NULL AND held."Id" <= "Beneficiaries"."Id")
            WHERE "SlotKey" IS NOT NULL;
            """);
        migrationBuilder.Sql("""UPDATE "SupportTickets" SET "OpenedAnnouncedAt" = "OpenedAt";""");
    }
}
