using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PharmaMes.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EquipmentCare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CalibrationFailedOn",
                table: "Equipment",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CalibrationIntervalDays",
                table: "Equipment",
                type: "int",
                nullable: false,
                defaultValue: 180);

            migrationBuilder.AddColumn<long>(
                name: "CleanHoldTime",
                table: "Equipment",
                type: "bigint",
                nullable: false,
                defaultValue: 2592000000000L);

            migrationBuilder.AddColumn<long>(
                name: "DirtyHoldTime",
                table: "Equipment",
                type: "bigint",
                nullable: false,
                defaultValue: 1728000000000L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DirtySince",
                table: "Equipment",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastBatchNumber",
                table: "Equipment",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastCalibratedOn",
                table: "Equipment",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastCleaningMethod",
                table: "Equipment",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastProductCode",
                table: "Equipment",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ProductChangeNeedsMajorClean",
                table: "Equipment",
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "Equipment",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetiredReason",
                table: "Equipment",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Equipment",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Dirty");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StatusSince",
                table: "Equipment",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "CalibrationRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EquipmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EquipmentCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Instrument = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ReferenceStandard = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    StandardCertificate = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AsFound = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AsLeft = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Passed = table.Column<bool>(type: "bit", nullable: false),
                    CalibratedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PerformedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PerformedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalibrationRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalibrationRecords_Equipment_EquipmentId",
                        column: x => x.EquipmentId,
                        principalTable: "Equipment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CleaningRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EquipmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EquipmentCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Method = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    CleaningAgent = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CleanedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AfterProductCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    AfterBatchNumber = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    CleanedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CleanedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    VerifiedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    VerifiedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RefusalReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CleaningRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CleaningRecords_Equipment_EquipmentId",
                        column: x => x.EquipmentId,
                        principalTable: "Equipment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationRecords_EquipmentId_RecordedAt",
                table: "CalibrationRecords",
                columns: new[] { "EquipmentId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CleaningRecords_EquipmentId_CleanedAt",
                table: "CleaningRecords",
                columns: new[] { "EquipmentId", "CleanedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CleaningRecords_Status",
                table: "CleaningRecords",
                column: "Status");

            // Units cleaned before this release keep their clean hold; their status starts from their machine state's time.
            migrationBuilder.Sql("UPDATE Equipment SET Status = 'Clean' WHERE CleanUntil IS NOT NULL");
            migrationBuilder.Sql("UPDATE Equipment SET StatusSince = StateSince");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalibrationRecords");

            migrationBuilder.DropTable(
                name: "CleaningRecords");

            migrationBuilder.DropColumn(
                name: "CalibrationFailedOn",
                table: "Equipment");

            migrationBuilder.DropColumn(
                name: "CalibrationIntervalDays",
                table: "Equipment");

            migrationBuilder.DropColumn(
                name: "CleanHoldTime",
                table: "Equipment");

            migrationBuilder.DropColumn(
                name: "DirtyHoldTime",
                table: "Equipment");

            migrationBuilder.DropColumn(
                name: "DirtySince",
                table: "Equipment");

            migrationBuilder.DropColumn(
                name: "LastBatchNumber",
                table: "Equipment");

            migrationBuilder.DropColumn(
                name: "LastCalibratedOn",
                table: "Equipment");

            migrationBuilder.DropColumn(
                name: "LastCleaningMethod",
                table: "Equipment");

            migrationBuilder.DropColumn(
                name: "LastProductCode",
                table: "Equipment");

            migrationBuilder.DropColumn(
                name: "ProductChangeNeedsMajorClean",
                table: "Equipment");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "Equipment");

            migrationBuilder.DropColumn(
                name: "RetiredReason",
                table: "Equipment");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Equipment");

            migrationBuilder.DropColumn(
                name: "StatusSince",
                table: "Equipment");
        }
    }
}
