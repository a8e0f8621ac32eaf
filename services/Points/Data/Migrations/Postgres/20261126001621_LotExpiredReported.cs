using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Changxing.Points.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LotExpiredReported : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ExpiredReported",
                table: "Lots",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // A lot marked reported had all its expired points reported.
            migrationBuilder.Sql("""UPDATE "Lots" SET "ExpiredReported" = "Expired" WHERE "ExpiryReported";""");

            migrationBuilder.DropColumn(
                name: "ExpiryReported",
                table: "Lots");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ExpiryReported",
                table: "Lots",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("""UPDATE "Lots" SET "ExpiryReported" = ("ExpiredAt" IS NOT NULL AND "ExpiredReported" = "Expired");""");

            migrationBuilder.DropColumn(
                name: "ExpiredReported",
                table: "Lots");
        }
    }
}
