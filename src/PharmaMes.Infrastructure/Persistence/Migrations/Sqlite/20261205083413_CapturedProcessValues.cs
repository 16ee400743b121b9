using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PharmaMes.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "AtRecording");

            migrationBuilder.AddColumn<string>(
                name: "CaptureTag",
                table: "RecipeProcessParameters",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CaptureMode",
                table: "BatchStepValues",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "AtRecording");

            migrationBuilder.AddColumn<string>(
                name: "CaptureTag",
                table: "BatchStepValues",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CapturedFrom",
                table: "BatchRecordEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CapturedTag",
                table: "BatchRecordEntries",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CapturedTo",
                table: "BatchRecordEntries",
                type: "INTEGER",
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
