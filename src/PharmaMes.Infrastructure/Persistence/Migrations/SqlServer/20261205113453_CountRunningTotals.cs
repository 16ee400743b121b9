using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PharmaMes.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "TotalReject",
                table: "ProductionCounts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "CountedGood",
                table: "Equipment",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "CountedReject",
                table: "Equipment",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Existing reports get their running totals, in time order per equipment (ties in the order they were stored).
            migrationBuilder.Sql("""
                WITH t AS (SELECT TotalGood, TotalReject,
                                  SUM(Good) OVER (PARTITION BY EquipmentId ORDER BY At, Id ROWS UNBOUNDED PRECEDING) AS RunningGood,
                                  SUM(Reject) OVER (PARTITION BY EquipmentId ORDER BY At, Id ROWS UNBOUNDED PRECEDING) AS RunningReject
                           FROM ProductionCounts)
                UPDATE t SET TotalGood = RunningGood, TotalReject = RunningReject;
                """);
            migrationBuilder.Sql("""
                UPDATE e SET CountedGood = COALESCE(m.Good, 0), CountedReject = COALESCE(m.Reject, 0)
                FROM Equipment e
                LEFT JOIN (SELECT EquipmentId, MAX(TotalGood) AS Good, MAX(TotalReject) AS Reject FROM ProductionCounts GROUP BY EquipmentId) m
                    ON m.EquipmentId = e.Id;
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
