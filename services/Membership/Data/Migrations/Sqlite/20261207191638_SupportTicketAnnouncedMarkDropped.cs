using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Changxing.Membership.Data.Migrations.Sqlite
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
            migrationBuilder.AddColumn<long>(
                name: "OpenedAnnouncedAt",
                table: "SupportTickets",
                type: "INTEGER",
                nullable: true);
        }
    }
}
