using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PharmaMes.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AlertAcknowledgement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AcknowledgedAt",
                table: "Alerts",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcknowledgedBy",
                table: "Alerts",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcknowledgedByName",
                table: "Alerts",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcknowledgementComment",
                table: "Alerts",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            // Alerts that returned to normal before acknowledgement existed are history, not something people
            // must acknowledge now: they are marked as such, at the time they cleared, by the system.
            migrationBuilder.Sql(
                "UPDATE Alerts SET AcknowledgedAt = ClearedAt, AcknowledgedBy = 'system: upgrade', " +
                "AcknowledgedByName = 'PharmaMes', AcknowledgementComment = 'Returned to normal before alerts were acknowledged in the MES.' " +
                "WHERE ClearedAt IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "AcknowledgedBy",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "AcknowledgedByName",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "AcknowledgementComment",
                table: "Alerts");
        }
    }
}
