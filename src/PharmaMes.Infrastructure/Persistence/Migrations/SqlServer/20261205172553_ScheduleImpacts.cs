using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PharmaMes.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ScheduleImpacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScheduleImpacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Cause = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    HeldBatches = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Orders = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Proposal = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Method = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ProposedInMilliseconds = table.Column<double>(type: "float", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DecisionReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduleImpacts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduleImpacts_RaisedAt",
                table: "ScheduleImpacts",
                column: "RaisedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduleImpacts_Status",
                table: "ScheduleImpacts",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScheduleImpacts");
        }
    }
}
