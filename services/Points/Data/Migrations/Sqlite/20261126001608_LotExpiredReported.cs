using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Changxing.Points.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LotExpiredReported : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "ExpiryReported",
                table: "Lots",
                newName: "ExpiredReported");

            // A lot marked reported had all its expired points reported.
            migrationBuilder.Sql("""UPDATE "Lots" SET "ExpiredReported" = CASE WHEN "ExpiredReported" = 1 THEN "Expired" ELSE 0 END;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "Lots" SET "ExpiredReported" = CASE WHEN "ExpiredAt" IS NOT NULL AND "ExpiredReported" = "Expired" THEN 1 ELSE 0 END;""");

            migrationBuilder.RenameColumn(
                name: "ExpiredReported",
                table: "Lots",
                newName: "ExpiryReported");
        }
    }
}
