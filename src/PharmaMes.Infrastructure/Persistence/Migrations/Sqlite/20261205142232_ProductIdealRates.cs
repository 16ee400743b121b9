using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PharmaMes.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProductIdealRates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProductRates",
                table: "Equipment",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateIndex(
                name: "IX_BatchSteps_EquipmentCode_StartedAt",
                table: "BatchSteps",
                columns: new[] { "EquipmentCode", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BatchSteps_EquipmentCode_StartedAt",
                table: "BatchSteps");

            migrationBuilder.DropColumn(
                name: "ProductRates",
                table: "Equipment");
        }
    }
}
