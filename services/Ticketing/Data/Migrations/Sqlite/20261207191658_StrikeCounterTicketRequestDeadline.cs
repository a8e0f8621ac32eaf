using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Changxing.Ticketing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StrikeCounterTicketRequestDeadline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeadlineAt",
                table: "payment_strikes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DeadlineAttempt",
                table: "payment_strikes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DeadlineStep",
                table: "payment_strikes",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastTicketNumber",
                table: "payment_strikes",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestedFailures",
                table: "payment_strikes",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateIndex(
                name: "IX_payment_strikes_DeadlineAt",
                table: "payment_strikes",
                column: "DeadlineAt");

            StrikeCounterTicketRequestDeadlineBackfill.Apply(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_payment_strikes_DeadlineAt",
                table: "payment_strikes");

            migrationBuilder.DropColumn(
                name: "DeadlineAt",
                table: "payment_strikes");

            migrationBuilder.DropColumn(
                name: "DeadlineAttempt",
                table: "payment_strikes");

            migrationBuilder.DropColumn(
                name: "DeadlineStep",
                table: "payment_strikes");

            migrationBuilder.DropColumn(
                name: "LastTicketNumber",
                table: "payment_strikes");

            migrationBuilder.DropColumn(
                name: "RequestedFailures",
                table: "payment_strikes");
        }
    }
}
