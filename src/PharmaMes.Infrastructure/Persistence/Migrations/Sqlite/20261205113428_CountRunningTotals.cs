using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PharmaMes.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CountRunningTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProductionCounts_EquipmentId_At",
                table: "ProductionCounts");

            migrationBuilder.AddColumn<long>(
                name: "TotalGood",
                table: "ProductionCounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "TotalReject",
                table: "ProductionCounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "CountedGood",
                table: "Equipment",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "CountedReject",
                table: "Equipment",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Existing reports get their running totals, in time order per equipment (ties in the order they were stored).
            migrationBuilder.Sql("""
                UPDATE ProductionCounts SET TotalGood = t.Good, TotalReject = t.Reject
                FROM (SELECT Id, SUM(Good) OVER w AS Good, SUM(Reject) OVER w AS Reject FROM ProductionCounts
                      WINDOW w AS (PARTITION BY EquipmentId ORDER BY At, Id ROWS UNBOUNDED PRECEDING)) AS t
                WHERE ProductionCounts.Id = t.Id;
                """);
            migrationBuilder.Sql("""
                UPDATE Equipment SET
                    CountedGood = COALESCE((SELECT MAX(p.TotalGood) FROM ProductionCounts p WHERE p.EquipmentId = Equipment.Id), 0),
                    CountedReject = COALESCE((SELECT MAX(p.TotalReject) FROM ProductionCounts p WHERE p.EquipmentId = Equipment.Id), 0);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ProductionCounts_EquipmentId_At_TotalGood_TotalReject",
                table: "ProductionCounts",
                columns: new[] { "EquipmentId", "At", "TotalGood", "TotalReject" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProductionCounts_EquipmentId_At_TotalGood_TotalReject",
                table: "ProductionCounts");

            migrationBuilder.DropColumn(
                name: "TotalGood",
                table: "ProductionCounts");

            migrationBuilder.DropColumn(
                name: "TotalReject",
                table: "ProductionCounts");

            migrationBuilder.DropColumn(
                name: "CountedGood",
                table: "Equipment");

            migrationBuilder.DropColumn(
                name: "CountedReject",
                table: "Equipment");

            migrationBuilder.CreateIndex(
                name: "IX_ProductionCounts_EquipmentId_At",
                table: "ProductionCounts",
                columns: new[] { "EquipmentId", "At" });
        }
    }
}
