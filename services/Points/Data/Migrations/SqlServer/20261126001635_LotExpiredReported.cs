using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Changxing.Points.Data.Migrations.SqlServer
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
            migrationBuilder.Sql("""UPDATE [Lots] SET [ExpiredReported] = [Expired] WHERE [ExpiryReported] = 1;""");

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
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("""UPDATE [Lots] SET [ExpiryReported] = CASE WHEN [ExpiredAt] IS NOT NULL AND [ExpiredReported] = [Expired] THEN 1 ELSE 0 END;""");

            migrationBuilder.DropColumn(
                name: "ExpiredReported",
                table: "Lots");
        }
    }
}
