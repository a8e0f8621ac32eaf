using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Changxing.Membership.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class BeneficiarySlotsAndTicketAnnouncement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OpenedAnnouncedAt",
                table: "SupportTickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Slot",
                table: "Beneficiaries",
                type: "int",
                nullable: true);

            BeneficiarySlotsAndTicketAnnouncementBackfill.Apply(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_MemberId_Slot",
                table: "Beneficiaries",
                columns: new[] { "MemberId", "Slot" },
                unique: true,
                filter: "[Slot] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Beneficiaries_MemberId_Slot",
                table: "Beneficiaries");

            migrationBuilder.DropColumn(
                name: "OpenedAnnouncedAt",
                table: "SupportTickets");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "Beneficiaries");
        }
    }
}
