using PharmaMes.Infrastructure.Outbox;
using PharmaMes.Infrastructure.Outbox.Events;

namespace PharmaMes.Infrastructure.Tests.Outbox;

/// <summary>A realistic message of every type, as the outbox holds them.</summary>
internal static class SampleErpMessages
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 9, 30, 0, TimeSpan.Zero);

    public static OutboxMessage For(ErpMessageType type) => type switch
    {
        ErpMessageType.BatchStarted => Make(type, "Batch:B-2026-0042",
            new BatchStarted("B-2026-0042", "PO-2026-0042", "4711-SAP", "FG-PARA500", 100_000m, "pcs", "FG-PARA500", 2, At)),
        ErpMessageType.OperationConfirmed => Make(type, "Batch:B-2026-0042",
            new OperationConfirmed("B-2026-0042", "PO-2026-0042", "4711-SAP", 1, "Dispensing", "Completed", "DISP-01", At, At.AddMinutes(25), "Olga Petrova", "Sam Supervisor", null)),
        ErpMessageType.BatchCompleted => Make(type, "Batch:B-2026-0042",
            new BatchCompleted("B-2026-0042", "PO-2026-0042", "4711-SAP", "FG-PARA500", 100_000m, "pcs", At, At.AddHours(9))),
        ErpMessageType.BatchAborted => Make(type, "Batch:B-2026-0043",
            new BatchAborted("B-2026-0043", "PO-2026-0043", null, "FG-PARA500", "Granulator seal failure", At)),
        ErpMessageType.GoodsIssue => Make(type, "Batch:B-2026-0042",
            new GoodsMovement(GoodsMovement.GoodsIssue, Guid.NewGuid(), "B-2026-0042", "PO-2026-0042", "4711-SAP", "API-PARA", "PARA-24-0117", 5.02m, "kg", "Released",
                new DateOnly(2028, 1, 31), At, "operator")),
        ErpMessageType.GoodsReceipt => Make(type, "Batch:B-2026-0042",
            new GoodsMovement(GoodsMovement.GoodsReceipt, Guid.NewGuid(), "B-2026-0042", "PO-2026-0042", "4711-SAP", "FG-PARA500", "B-2026-0042", 98_500m, "pcs", "Released",
                new DateOnly(2029, 12, 31), At, "qa")),
        ErpMessageType.LotStatusChanged => Make(type, "Lot:PARA-24-0121",
            new LotStatusChanged("PARA-24-0121", "API-PARA", "Quarantine", "Released", null, new DateOnly(2028, 3, 31), At)),
        ErpMessageType.EquipmentDown => Make(type, "Equipment:TP-01",
            new EquipmentDown("TP-01", "Tablet press 1", "Punch breakage", At)),
        ErpMessageType.EquipmentUp => Make(type, "Equipment:TP-01",
            new EquipmentUp("TP-01", "Tablet press 1", "Idle", "Punch replaced", At, At.AddMinutes(42), 42)),
        ErpMessageType.QualityExceptionRaised => Make(type, "QualityException:QE-2026-0007",
            new QualityExceptionRaised("QE-2026-0007", "B-2026-0042", 4, "Major", "OutOfLimits", "Hardness below limit", "Tablet hardness 38 N, limit 40 N.", At, "Olga Petrova")),
        ErpMessageType.QualityExceptionClosed => Make(type, "QualityException:QE-2026-0007",
            new QualityExceptionClosed("QE-2026-0007", "B-2026-0042", "Major", "Hardness below limit", "Re-tested within limits.", At.AddDays(1), "Quinn QA")),
        ErpMessageType.ShiftPerformance => Make(type, "Shift:OSD-L1:202612020600",
            new ShiftPerformance("OSD-L1", "Tablet line 1", "Early", At.AddHours(-3.5), At.AddHours(4.5), 50.0 / 60, 0.8, 0.95, 0.6333,
                27_000, 22_500, 4_500, 4_000, 3_800, 200, [new ShiftLoss("Punch breakage", 600, 1), new ShiftLoss("Idle", 3_900, 2)],
                [new ShiftUnit("TP-01", 0.6333, 22_500, 4_000, 3_800, 200), new ShiftUnit("GRAN-01", null, 0, 0, 0, 0)])),
        ErpMessageType.ScheduleChanged => Make(type, "Order:PO-2026-0012",
            new ScheduleChanged("PO-2026-0012", "4500012345-10", "PHARMACY-CHAIN-7", "FG-PARA500", 72_000m, "pcs", 1, new DateOnly(2026, 12, 3),
                At.AddHours(5), At.AddHours(5.5), 30, "TP-01 is Down: Punch tip broken", new Guid("11111111-2222-4333-8444-555555555555"),
                [new ScheduledStep(4, "Compression", "TP-02", At.AddHours(1), At.AddHours(1.5)), new ScheduledStep(5, "Coating", "COAT-01", At.AddHours(2), At.AddHours(5.5))])),
        ErpMessageType.DeliveryRisk => Make(type, "Order:PO-2026-0012",
            new DeliveryRisk("PO-2026-0012", "4500012345-10", "PHARMACY-CHAIN-7", "FG-PARA500", new DateOnly(2026, 12, 2), At.AddHours(5.5), 330,
                "TP-01 is Down: Punch tip broken", new Guid("11111111-2222-4333-8444-555555555555"))),
        ErpMessageType.MaterialShortage => Make(type, "Material:API-PARA",
            new MaterialShortage("API-PARA", "kg", 62.5m, 37.5m, At.AddHours(20), ["PO-2026-0014", "PO-2026-0015"],
                "Lot PARA-24-0121 of API-PARA rejected: assay 96.1 %, below 98.0 %", new Guid("11111111-2222-4333-8444-666666666666"))),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No sample for this message type: add one."),
    };

    private static OutboxMessage Make<T>(ErpMessageType type, string aggregate, T payload) =>
        new(type, aggregate, At, ErpJson.Serialize(payload));
}
