using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Changxing.Points.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RedemptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TicketNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Holds",
                columns: table => new
                {
                    HoldId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RedemptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HeldAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SettledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReleaseReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExpiryReported = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Holds", x => x.HoldId);
                });

            migrationBuilder.CreateTable(
                name: "Lots",
                columns: table => new
                {
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false),
                    Remaining = table.Column<long>(type: "INTEGER", nullable: false),
                    Held = table.Column<long>(type: "INTEGER", nullable: false),
                    Captured = table.Column<long>(type: "INTEGER", nullable: false),
                    Expired = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TicketNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RefundOfRedemptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreditedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreditedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiringSoonReported = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExpiryReported = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lots", x => x.LotId);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActivatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LifetimeCredited = table.Column<long>(type: "INTEGER", nullable: false),
                    LastCreditedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RedemptionUnlockedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.MemberId);
                });

            migrationBuilder.CreateTable(
                name: "ReservationRejections",
                columns: table => new
                {
                    RedemptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Required = table.Column<long>(type: "INTEGER", nullable: false),
                    Available = table.Column<long>(type: "INTEGER", nullable: false),
                    Frozen = table.Column<long>(type: "INTEGER", nullable: false),
                    Shortfall = table.Column<long>(type: "INTEGER", nullable: false),
                    RejectedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReservationRejections", x => x.RedemptionId);
                });

            migrationBuilder.CreateTable(
                name: "HoldAllocations",
                columns: table => new
                {
                    HoldId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HoldAllocations", x => new { x.HoldId, x.LotId });
                    table.ForeignKey(
                        name: "FK_HoldAllocations_Holds_HoldId",
                        column: x => x.HoldId,
                        principalTable: "Holds",
                        principalColumn: "HoldId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_MemberId_Id",
                table: "Entries",
                columns: new[] { "MemberId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Holds_RedemptionId",
                table: "Holds",
                column: "RedemptionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Holds_Status_ExpiresAt",
                table: "Holds",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Lots_ExpiresOn",
                table: "Lots",
                column: "ExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_Lots_MemberId_ExpiresOn",
                table: "Lots",
                columns: new[] { "MemberId", "ExpiresOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Lots_RefundOfRedemptionId",
                table: "Lots",
                column: "RefundOfRedemptionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Lots_TicketNumber",
                table: "Lots",
                column: "TicketNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Entries");

            migrationBuilder.DropTable(
                name: "HoldAllocations");

            migrationBuilder.DropTable(
                name: "Lots");

            migrationBuilder.DropTable(
                name: "Members");

            migrationBuilder.DropTable(
                name: "ReservationRejections");

            migrationBuilder.DropTable(
                name: "Holds");
        }
    }
}
