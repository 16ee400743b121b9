using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PharmaMes.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CalibrationIntervalDays",
                table: "Equipment",
                type: "INTEGER",
                nullable: false,
                defaultValue: 180);

            migrationBuilder.AddColumn<long>(
                name: "CleanHoldTime",
                table: "Equipment",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2592000000000L);

            migrationBuilder.AddColumn<long>(
                name: "DirtyHoldTime",
                table: "Equipment",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1728000000000L);

            migrationBuilder.AddColumn<long>(
                name: "DirtySince",
                table: "Equipment",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastBatchNumber",
                table: "Equipment",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastCalibratedOn",
                table: "Equipment",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastCleaningMethod",
                table: "Equipment",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastProductCode",
                table: "Equipment",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ProductChangeNeedsMajorClean",
                table: "Equipment",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<long>(
                name: "RetiredAt",
                table: "Equipment",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetiredReason",
                table: "Equipment",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Equipment",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Dirty");

            migrationBuilder.AddColumn<long>(
                name: "StatusSince",
                table: "Equipment",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "CalibrationRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EquipmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EquipmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Instrument = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReferenceStandard = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StandardCertificate = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AsFound = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AsLeft = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CalibratedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PerformedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    PerformedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EquipmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EquipmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CleaningAgent = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CleanedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AfterProductCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AfterBatchNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CleanedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CleanedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    VerifiedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    VerifiedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
