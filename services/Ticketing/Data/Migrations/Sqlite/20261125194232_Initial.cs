using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Changxing.Ticketing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payment_strikes",
                columns: table => new
                {
                    CorrelationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CurrentState = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    RecentFailures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TicketRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenTicketNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TicketsOpened = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_strikes", x => x.CorrelationId);
                });

            migrationBuilder.CreateTable(
                name: "redemptions",
                columns: table => new
                {
                    CorrelationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CurrentState = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TrainNumber = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    TravelDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FromStation = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ToStation = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SeatClass = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Fare = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AuthorisationCode = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PassengerKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PassengerName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PassengerIdMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PointsHoldId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SeatHoldId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Car = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Seat = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    TicketNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DepartsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TicketVoidPending = table.Column<bool>(type: "INTEGER", nullable: false),
                    SeatReleasePending = table.Column<bool>(type: "INTEGER", nullable: false),
                    PointsReleasePending = table.Column<bool>(type: "INTEGER", nullable: false),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FailureDetail = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    IsPaymentFailure = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Timeline = table.Column<string>(type: "TEXT", nullable: false),
                    DeadlineStep = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DeadlineAttempt = table.Column<int>(type: "INTEGER", nullable: false),
                    DeadlineAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_redemptions", x => x.CorrelationId);
                });

            migrationBuilder.CreateTable(
                name: "Runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainNumber = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ServiceDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Stations",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Pinyin = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stations", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Trains",
                columns: table => new
                {
                    Number = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Trains", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "Allotments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeatClass = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FromStation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    ToStation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Quota = table.Column<int>(type: "INTEGER", nullable: false),
                    Used = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Allotments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Allotments_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RunSeats",
                columns: table => new
                {
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Car = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Seat = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SeatClass = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SoldLegs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunSeats", x => new { x.RunId, x.Car, x.Seat });
                    table.ForeignKey(
                        name: "FK_RunSeats_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SeatHolds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RedemptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainNumber = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    TravelDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PassengerKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SeatClass = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Car = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Seat = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    FromStation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ToStation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Legs = table.Column<long>(type: "INTEGER", nullable: false),
                    AllotmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Fare = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatHolds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeatHolds_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SegmentFares",
                columns: table => new
                {
                    TrainNumber = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SeatClass = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FromStation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ToStation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentFares", x => new { x.TrainNumber, x.SeatClass, x.FromStation, x.ToStation });
                    table.ForeignKey(
                        name: "FK_SegmentFares_Trains_TrainNumber",
                        column: x => x.TrainNumber,
                        principalTable: "Trains",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainCars",
                columns: table => new
                {
                    TrainNumber = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CarNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    SeatClass = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Letters = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainCars", x => new { x.TrainNumber, x.CarNumber });
                    table.ForeignKey(
                        name: "FK_TrainCars_Trains_TrainNumber",
                        column: x => x.TrainNumber,
                        principalTable: "Trains",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainStops",
                columns: table => new
                {
                    TrainNumber = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    StationCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Arrives = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Departs = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    DayOffset = table.Column<int>(type: "INTEGER", nullable: false),
                    DistanceKm = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainStops", x => new { x.TrainNumber, x.Sequence });
                    table.ForeignKey(
                        name: "FK_TrainStops_Trains_TrainNumber",
                        column: x => x.TrainNumber,
                        principalTable: "Trains",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Tickets",
                columns: table => new
                {
                    TicketNumber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HoldId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RedemptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PassengerName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PassengerIdMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TrainNumber = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    TravelDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FromStation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ToStation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    DepartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ArrivesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SeatClass = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Car = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Seat = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Fare = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    PaymentMethod = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PointsPaid = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    VoidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tickets", x => x.TicketNumber);
                    table.ForeignKey(
                        name: "FK_Tickets_SeatHolds_HoldId",
                        column: x => x.HoldId,
                        principalTable: "SeatHolds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Allotments_RunId",
                table: "Allotments",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_CreatedAt",
                table: "redemptions",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_CurrentState_CreatedAt",
                table: "redemptions",
                columns: new[] { "CurrentState", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_DeadlineAt",
                table: "redemptions",
                column: "DeadlineAt");

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_MemberId_CreatedAt",
                table: "redemptions",
                columns: new[] { "MemberId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Runs_ServiceDate",
                table: "Runs",
                column: "ServiceDate");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_TrainNumber_ServiceDate",
                table: "Runs",
                columns: new[] { "TrainNumber", "ServiceDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeatHolds_RedemptionId",
                table: "SeatHolds",
                column: "RedemptionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeatHolds_RunId_PassengerKey",
                table: "SeatHolds",
                columns: new[] { "RunId", "PassengerKey" });

            migrationBuilder.CreateIndex(
                name: "IX_SeatHolds_Status_ExpiresAt",
                table: "SeatHolds",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_HoldId",
                table: "Tickets",
                column: "HoldId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_MemberId",
                table: "Tickets",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_RedemptionId",
                table: "Tickets",
                column: "RedemptionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainStops_StationCode",
                table: "TrainStops",
                column: "StationCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Allotments");

            migrationBuilder.DropTable(
                name: "payment_strikes");

            migrationBuilder.DropTable(
                name: "redemptions");

            migrationBuilder.DropTable(
                name: "RunSeats");

            migrationBuilder.DropTable(
                name: "SegmentFares");

            migrationBuilder.DropTable(
                name: "Stations");

            migrationBuilder.DropTable(
                name: "Tickets");

            migrationBuilder.DropTable(
                name: "TrainCars");

            migrationBuilder.DropTable(
                name: "TrainStops");

            migrationBuilder.DropTable(
                name: "SeatHolds");

            migrationBuilder.DropTable(
                name: "Trains");

            migrationBuilder.DropTable(
                name: "Runs");
        }
    }
}
