using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PharmaMes.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MaterialReconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "ReturnedAmount",
                table: "BatchStepMaterials",
                type: "decimal(18,6)",
                precision: 18,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "WastedAmount",
                table: "BatchStepMaterials",
                type: "decimal(18,6)",
                precision: 18,
                scale: 6,
                nullable: false,
                defaultValue: 0m);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReturnedAmount",
                table: "BatchStepMaterials");

            migrationBuilder.DropColumn(
                name: "WastedAmount",
                table: "BatchStepMaterials");
        }
    }
}
