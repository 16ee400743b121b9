using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PharmaMes.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ScheduledOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScheduledOperations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrderNumber = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Step = table.Column<int>(type: "int", nullable: false),
                    StepName = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    EquipmentCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    PlannedStart = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PlannedEnd = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PlannedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledOperations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledOperations_EquipmentCode_PlannedStart",
                table: "ScheduledOperations",
                columns: new[] { "EquipmentCode", "PlannedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledOperations_OrderNumber_Step",
                table: "ScheduledOperations",
                columns: new[] { "OrderNumber", "Step" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScheduledOperations");
        }
    }
}
