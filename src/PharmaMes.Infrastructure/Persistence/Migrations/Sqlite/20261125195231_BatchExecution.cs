using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PharmaMes.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BatchExecution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MasterRecipes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProductName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApproverId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ObsoletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StandardBatchSizeAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    StandardBatchSizeUnit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MasterRecipes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductionOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ProductCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerReference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    LineCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReleasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    QuantityAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    QuantityUnit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductionOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecipeBillOfMaterials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MaterialCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TolerancePercentBelow = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    TolerancePercentAbove = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    StepNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    QuantityAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    QuantityUnit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecipeBillOfMaterials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecipeBillOfMaterials_MasterRecipes_RecipeId",
                        column: x => x.RecipeId,
                        principalTable: "MasterRecipes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecipeSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Instructions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RequiredEquipmentClass = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RequiresVerification = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecipeSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecipeSteps_MasterRecipes_RecipeId",
                        column: x => x.RecipeId,
                        principalTable: "MasterRecipes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipeVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Disposition = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AbortReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    HoldReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DispositionAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DispositionById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DispositionByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NextEntrySequence = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedQuantityAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    PlannedQuantityUnit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Batches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Batches_MasterRecipes_RecipeId",
                        column: x => x.RecipeId,
                        principalTable: "MasterRecipes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Batches_ProductionOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "ProductionOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecipeInProcessChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipeStepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LimitHigh = table.Column<double>(type: "REAL", nullable: false),
                    LimitLow = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecipeInProcessChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecipeInProcessChecks_RecipeSteps_RecipeStepId",
                        column: x => x.RecipeStepId,
                        principalTable: "RecipeSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecipeProcessParameters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipeStepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Target = table.Column<double>(type: "REAL", nullable: false),
                    LimitHigh = table.Column<double>(type: "REAL", nullable: false),
                    LimitLow = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecipeProcessParameters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecipeProcessParameters_RecipeSteps_RecipeStepId",
                        column: x => x.RecipeStepId,
                        principalTable: "RecipeSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BatchRecordEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StepNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Target = table.Column<double>(type: "REAL", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    LowLimit = table.Column<double>(type: "REAL", nullable: true),
                    HighLimit = table.Column<double>(type: "REAL", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LotNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    CorrectsSequence = table.Column<int>(type: "INTEGER", nullable: true),
                    SignatureId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BatchRecordEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BatchRecordEntries_Batches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "Batches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BatchSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Instructions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecipeStepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequiredEquipmentClass = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RequiresVerification = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EquipmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PerformedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PerformedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    PerformedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VerifiedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    VerifiedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SkipReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BatchSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BatchSteps_Batches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "Batches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QualityExceptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BatchNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    StepNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RaisedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    InvestigationStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Closure = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityExceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityExceptions_Batches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "Batches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BatchStepMaterials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchStepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MaterialCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TolerancePercentBelow = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    TolerancePercentAbove = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    DispensedLot = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DispensedAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    DispenseEntrySequence = table.Column<int>(type: "INTEGER", nullable: true),
                    DispenseResult = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    TargetAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    TargetUnit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BatchStepMaterials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BatchStepMaterials_BatchSteps_BatchStepId",
                        column: x => x.BatchStepId,
                        principalTable: "BatchSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BatchStepValues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchStepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Target = table.Column<double>(type: "REAL", nullable: true),
                    LastEntrySequence = table.Column<int>(type: "INTEGER", nullable: true),
                    LastValue = table.Column<double>(type: "REAL", nullable: true),
                    LastResult = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LimitHigh = table.Column<double>(type: "REAL", nullable: false),
                    LimitLow = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BatchStepValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BatchStepValues_BatchSteps_BatchStepId",
                        column: x => x.BatchStepId,
                        principalTable: "BatchSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InvestigationNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QualityExceptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvestigationNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvestigationNotes_QualityExceptions_QualityExceptionId",
                        column: x => x.QualityExceptionId,
                        principalTable: "QualityExceptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Batches_Number",
                table: "Batches",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Batches_OrderId",
                table: "Batches",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Batches_RecipeId",
                table: "Batches",
                column: "RecipeId");

            migrationBuilder.CreateIndex(
                name: "IX_Batches_State_Disposition",
                table: "Batches",
                columns: new[] { "State", "Disposition" });

            migrationBuilder.CreateIndex(
                name: "IX_BatchRecordEntries_BatchId_Sequence",
                table: "BatchRecordEntries",
                columns: new[] { "BatchId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BatchStepMaterials_BatchStepId",
                table: "BatchStepMaterials",
                column: "BatchStepId");

            migrationBuilder.CreateIndex(
                name: "IX_BatchSteps_BatchId_Number",
                table: "BatchSteps",
                columns: new[] { "BatchId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BatchStepValues_BatchStepId",
                table: "BatchStepValues",
                column: "BatchStepId");

            migrationBuilder.CreateIndex(
                name: "IX_InvestigationNotes_QualityExceptionId",
                table: "InvestigationNotes",
                column: "QualityExceptionId");

            migrationBuilder.CreateIndex(
                name: "IX_MasterRecipes_ProductCode_Version",
                table: "MasterRecipes",
                columns: new[] { "ProductCode", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrders_ExternalId",
                table: "ProductionOrders",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrders_Number",
                table: "ProductionOrders",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductionOrders_Status_DueDate",
                table: "ProductionOrders",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_QualityExceptions_BatchId_Status",
                table: "QualityExceptions",
                columns: new[] { "BatchId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_QualityExceptions_Number",
                table: "QualityExceptions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecipeBillOfMaterials_RecipeId_MaterialCode",
                table: "RecipeBillOfMaterials",
                columns: new[] { "RecipeId", "MaterialCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecipeInProcessChecks_RecipeStepId",
                table: "RecipeInProcessChecks",
                column: "RecipeStepId");

            migrationBuilder.CreateIndex(
                name: "IX_RecipeProcessParameters_RecipeStepId",
                table: "RecipeProcessParameters",
                column: "RecipeStepId");

            migrationBuilder.CreateIndex(
                name: "IX_RecipeSteps_RecipeId_Number",
                table: "RecipeSteps",
                columns: new[] { "RecipeId", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BatchRecordEntries");

            migrationBuilder.DropTable(
                name: "BatchStepMaterials");

            migrationBuilder.DropTable(
                name: "BatchStepValues");

            migrationBuilder.DropTable(
                name: "InvestigationNotes");

            migrationBuilder.DropTable(
                name: "RecipeBillOfMaterials");

            migrationBuilder.DropTable(
                name: "RecipeInProcessChecks");

            migrationBuilder.DropTable(
                name: "RecipeProcessParameters");

            migrationBuilder.DropTable(
                name: "BatchSteps");

            migrationBuilder.DropTable(
                name: "QualityExceptions");

            migrationBuilder.DropTable(
                name: "RecipeSteps");

            migrationBuilder.DropTable(
                name: "Batches");

            migrationBuilder.DropTable(
                name: "MasterRecipes");

            migrationBuilder.DropTable(
                name: "ProductionOrders");
        }
    }
}
