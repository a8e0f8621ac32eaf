using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Changxing.Membership.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SupportTicketAnnouncedMarkDropped : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OpenedAnnouncedAt",
                table: "SupportTickets");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OpenedAnnouncedAt",
                table: "SupportTickets",
                type: "datetimeoffset",
                nullable: true);
        }
    }
}
