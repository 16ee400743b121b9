using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PharmaMes.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CapturedProcessValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CaptureMode",
                table: "RecipeProcessParameters",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "AtRecording");

            migrationBuilder.AddColumn<string>(
                name: "CaptureTag",
                table: "RecipeProcessParameters",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CaptureMode",
                table: "BatchStepValues",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "AtRecording");

            migrationBuilder.AddColumn<string>(
                name: "CaptureTag",
                table: "BatchStepValues",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CapturedFrom",
                table: "BatchRecordEntries",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CapturedTag",
                table: "BatchRecordEntries",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CapturedTo",
                table: "BatchRecordEntries",
                type: "datetimeoffset",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CaptureMode",
                table: "RecipeProcessParameters");

            migrationBuilder.DropColumn(
                name: "CaptureTag",
                table: "RecipeProcessParameters");

            migrationBuilder.DropColumn(
                name: "CaptureMode",
                table: "BatchStepValues");

            migrationBuilder.DropColumn(
                name: "CaptureTag",
                table: "BatchStepValues");

            migrationBuilder.DropColumn(
                name: "CapturedFrom",
                table: "BatchRecordEntries");

            migrationBuilder.DropColumn(
                name: "CapturedTag",
                table: "BatchRecordEntries");

            migrationBuilder.DropColumn(
                name: "CapturedTo",
                table: "BatchRecordEntries");
        }
    }
}
