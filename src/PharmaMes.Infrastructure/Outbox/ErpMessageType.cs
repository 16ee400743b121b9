namespace PharmaMes.Infrastructure.Outbox;

/// <summary>The facts the MES reports to the ERP as they happen.</summary>
public enum ErpMessageType
{
    BatchStarted,
    /// <summary>A phase (recipe step) of a batch completed or skipped: an operation confirmation.</summary>
    OperationConfirmed,
    BatchCompleted,
    BatchAborted,
    /// <summary>Material issued to a batch: movement type 261.</summary>
    GoodsIssue,
    /// <summary>The finished-goods lot of a batch put into stock: movement type 101.</summary>
    GoodsReceipt,
    LotStatusChanged,
    EquipmentDown,
    EquipmentUp,
    QualityExceptionRaised,
    QualityExceptionClosed,
    /// <summary>A line's OEE and counts for a shift that has ended.</summary>
    ShiftPerformance,
    /// <summary>An order's planned completion moved (old and new end): the ERP re-promises it.</summary>
    ScheduleChanged,
    /// <summary>An order's planned completion is now after its due date: sales tells the customer.</summary>
    DeliveryRisk,
    /// <summary>A material the schedule needs more of than there will be: procurement orders it.</summary>
    MaterialShortage,
}
