using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PharmaMes.Infrastructure.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HeldBatches = table.Column<string>(type: "TEXT", nullable: false),
                    Orders = table.Column<string>(type: "TEXT", nullable: false),
                    Proposal = table.Column<string>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProposedInMilliseconds = table.Column<double>(type: "REAL", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
