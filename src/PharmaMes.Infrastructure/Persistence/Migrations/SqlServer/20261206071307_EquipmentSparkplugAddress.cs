using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PharmaMes.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EquipmentSparkplugAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SparkplugMetric",
                table: "TagDefinitions",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SparkplugDeviceId",
                table: "Equipment",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SparkplugEdgeNodeId",
                table: "Equipment",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SparkplugGroupId",
                table: "Equipment",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SparkplugMetric",
                table: "TagDefinitions");

            migrationBuilder.DropColumn(
                name: "SparkplugDeviceId",
                table: "Equipment");

            migrationBuilder.DropColumn(
                name: "SparkplugEdgeNodeId",
                table: "Equipment");

            migrationBuilder.DropColumn(
                name: "SparkplugGroupId",
                table: "Equipment");
        }
    }
}
