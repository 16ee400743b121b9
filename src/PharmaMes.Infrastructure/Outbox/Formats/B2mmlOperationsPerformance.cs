using System.Xml.Linq;
using PharmaMes.Infrastructure.Outbox.Events;
using static PharmaMes.Infrastructure.Outbox.Formats.B2mmlElements;

namespace PharmaMes.Infrastructure.Outbox.Formats;

/// <summary>
/// Production facts as an ISA-95 OperationsPerformance: the process order is the performance, the
/// batch its OperationsResponse, and each fact one SegmentResponse (a phase confirmation, a goods
/// issue with MaterialUse Consumed, a goods receipt with MaterialUse Produced). Quality exceptions
/// travel the same way with OperationsType Quality: B2MML V0700's export set has no quality
/// notification noun, and a performance report of type Quality is what an ISA-95 reader expects.
/// </summary>
internal static class B2mmlOperationsPerformance
{
    public static XDocument Render(OutboxMessage message) => message.Type switch
    {
        ErpMessageType.BatchStarted => Started(message, ErpJson.Deserialize<BatchStarted>(message.Payload)),
        ErpMessageType.OperationConfirmed => Confirmed(message, ErpJson.Deserialize<OperationConfirmed>(message.Payload)),
        ErpMessageType.BatchCompleted => Completed(message, ErpJson.Deserialize<BatchCompleted>(message.Payload)),
        ErpMessageType.BatchAborted => Aborted(message, ErpJson.Deserialize<BatchAborted>(message.Payload)),
        ErpMessageType.GoodsIssue or ErpMessageType.GoodsReceipt => Movement(message, ErpJson.Deserialize<GoodsMovement>(message.Payload)),
        ErpMessageType.QualityExceptionRaised => Raised(message, ErpJson.Deserialize<QualityExceptionRaised>(message.Payload)),
        ErpMessageType.QualityExceptionClosed => Closed(message, ErpJson.Deserialize<QualityExceptionClosed>(message.Payload)),
        ErpMessageType.ShiftPerformance => Shift(message, ErpJson.Deserialize<ShiftPerformance>(message.Payload)),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.Type, "Not an operations performance message."),
    };

    private static XDocument Started(OutboxMessage message, BatchStarted e) =>
        Production(message, e.OrderNumber, e.ExternalOrderId, e.BatchNumber, "Batch started", e.StartedAt, null, "Running",
            E("SegmentResponse",
                E("ID", $"{e.BatchNumber}-start"),
                E("Description", "Batch started"),
                E("OperationsType", "Production"),
                E("ProcessSegmentID", $"{e.Recipe} v{e.RecipeVersion}"),
                E("ActualStartTime", Time(e.StartedAt)),
                State("SegmentState", "Running"),
                Data("SegmentData", "Product", e.Product),
                Data("SegmentData", "PlannedQuantity", Number(e.PlannedQuantity), "decimal", e.Unit),
                Data("SegmentData", "RecipeVersion", e.RecipeVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), "integer")));

    private static XDocument Confirmed(OutboxMessage message, OperationConfirmed e) =>
        Production(message, e.OrderNumber, e.ExternalOrderId, e.BatchNumber, $"Phase {e.StepNumber} {e.StepName} {e.State}", e.StartedAt, null, "Running",
            E("SegmentResponse",
                E("ID", $"{e.BatchNumber}-{e.StepNumber:D2}"),
                E("Description", e.StepName),
                E("OperationsType", "Production"),
                E("ProcessSegmentID", e.StepName),
                e.StartedAt is { } started ? E("ActualStartTime", Time(started)) : null,
                E("ActualEndTime", Time(e.CompletedAt)),
                State("SegmentState", e.State),
                Data("SegmentData", "PerformedBy", e.PerformedBy),
                Data("SegmentData", "VerifiedBy", e.VerifiedBy),
                Data("SegmentData", "SkipReason", e.SkipReason),
                e.Equipment is null ? null : E("EquipmentActual", E("EquipmentID", e.Equipment))));

    private static XDocument Completed(OutboxMessage message, BatchCompleted e) =>
        Production(message, e.OrderNumber, e.ExternalOrderId, e.BatchNumber, "Batch completed", e.StartedAt, e.CompletedAt, "Completed");

    private static XDocument Aborted(OutboxMessage message, BatchAborted e) =>
        Production(message, e.OrderNumber, e.ExternalOrderId, e.BatchNumber, $"Batch aborted: {e.Reason}", null, e.AbortedAt, "Aborted",
            E("SegmentResponse",
                E("ID", $"{e.BatchNumber}-abort"),
                E("Description", e.Reason),
                E("OperationsType", "Production"),
                E("ActualEndTime", Time(e.AbortedAt)),
                State("SegmentState", "Aborted")));

    private static XDocument Movement(OutboxMessage message, GoodsMovement e)
    {
        var issue = e.MovementType is GoodsMovement.GoodsIssue or GoodsMovement.GoodsIssueReversal;
        // A reversal gives back part of what was consumed: a negative consumption.
        var quantity = e.MovementType == GoodsMovement.GoodsIssueReversal ? -e.Quantity : e.Quantity;
        return Production(message, e.OrderNumber ?? e.BatchNumber, e.ExternalOrderId, e.BatchNumber,
            issue ? $"Goods issue {e.MovementType}" : $"Goods receipt {e.MovementType}", null, null, issue ? "Running" : "Completed",
            E("SegmentResponse",
                E("ID", $"{e.BatchNumber}-{e.MovementType}-{e.LedgerEntryId:N}"),
                E("Description", issue ? $"Goods issue {e.MovementType}" : $"Goods receipt {e.MovementType}"),
                E("OperationsType", "Production"),
                E("PostingDate", Time(e.PostedAt)),
                State("SegmentState", "Completed"),
                E("MaterialActual",
                    E("MaterialDefinitionID", e.Material),
                    E("MaterialLotID", e.Lot),
                    E("MaterialUse", issue ? "Consumed" : "Produced"),
                    Quantity(quantity, e.Unit),
                    Data("MaterialActualProperty", "MovementType", e.MovementType, "Code"),
                    Data("MaterialActualProperty", "LotStatus", e.LotStatus, "Code"),
                    Data("MaterialActualProperty", "ExpiryDate", Date(e.ExpiryDate), "date"),
                    Data("MaterialActualProperty", "RecordedBy", e.RecordedBy))));
    }

    private static XDocument Raised(OutboxMessage message, QualityExceptionRaised e) =>
        Quality(message, e.Number, e.BatchNumber, $"Quality exception raised: {e.Title}", e.RaisedAt, null, "Running",
            Data("SegmentData", "Severity", e.Severity, "Code"),
            Data("SegmentData", "Source", e.Source, "Code"),
            Data("SegmentData", "Title", e.Title),
            Data("SegmentData", "Description", e.Description),
            Data("SegmentData", "Step", e.StepNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture), "integer"),
            Data("SegmentData", "RaisedBy", e.RaisedBy));

    private static XDocument Closed(OutboxMessage message, QualityExceptionClosed e) =>
        Quality(message, e.Number, e.BatchNumber, $"Quality exception closed: {e.Title}", null, e.ClosedAt, "Completed",
            Data("SegmentData", "Severity", e.Severity, "Code"),
            Data("SegmentData", "Title", e.Title),
            Data("SegmentData", "Closure", e.Closure),
            Data("SegmentData", "ClosedBy", e.ClosedBy));

    /// <summary>
    /// A shift of a line: the performance and its response are the shift, with the line's OEE figures as segment data
    /// and one segment response per equipment with its counts (the ISA-95 production performance of the shift).
    /// </summary>
    private static XDocument Shift(OutboxMessage message, ShiftPerformance e)
    {
        var id = $"{e.Line}-{e.Shift}-{e.ShiftStart.UtcDateTime:yyyyMMddHHmm}";
        string? Fraction(double? value) => value is { } v ? Number(Math.Round(v, 6)) : null;
        return Sync("SyncOperationsPerformance", message,
            E("OperationsPerformance",
                E("ID", id),
                E("Description", $"{e.LineName}: shift {e.Shift}"),
                E("OperationsType", "Production"),
                E("StartTime", Time(e.ShiftStart)),
                E("EndTime", Time(e.ShiftEnd)),
                E("OperationsResponse",
                    E("ID", id),
                    E("Description", $"OEE of {e.Line}, shift {e.Shift}"),
                    E("OperationsType", "Production"),
                    E("StartTime", Time(e.ShiftStart)),
                    E("EndTime", Time(e.ShiftEnd)),
                    State("ResponseState", "Completed"),
                    E("SegmentResponse",
                        E("ID", $"{id}-line"),
                        E("Description", e.LineName),
                        E("OperationsType", "Production"),
                        E("ActualStartTime", Time(e.ShiftStart)),
                        E("ActualEndTime", Time(e.ShiftEnd)),
                        State("SegmentState", "Completed"),
                        Data("SegmentData", "Availability", Fraction(e.Availability), "double"),
                        Data("SegmentData", "Performance", Fraction(e.Performance), "double"),
                        Data("SegmentData", "Quality", Fraction(e.Quality), "double"),
                        Data("SegmentData", "OEE", Fraction(e.Oee), "double"),
                        Data("SegmentData", "PlannedTime", Number(Math.Round(e.PlannedSeconds, 3)), "double", "s"),
                        Data("SegmentData", "RunTime", Number(Math.Round(e.RunSeconds, 3)), "double", "s"),
                        Data("SegmentData", "DownTime", Number(Math.Round(e.DownSeconds, 3)), "double", "s"),
                        e.Losses.Select(l => Data("SegmentData", $"Loss: {l.Reason}", Number(Math.Round(l.Seconds, 3)), "double", "s"))),
                    e.Equipment.Select(u => E("SegmentResponse",
                        E("ID", $"{id}-{u.Equipment}"),
                        E("Description", u.Equipment),
                        E("OperationsType", "Production"),
                        State("SegmentState", "Completed"),
                        Data("SegmentData", "OEE", Fraction(u.Oee), "double"),
                        Data("SegmentData", "RunTime", Number(Math.Round(u.RunSeconds, 3)), "double", "s"),
                        Data("SegmentData", "TotalCount", u.TotalCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "integer"),
                        Data("SegmentData", "GoodCount", u.GoodCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "integer"),
                        Data("SegmentData", "RejectCount", u.RejectCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "integer"),
                        E("EquipmentActual", E("EquipmentID", u.Equipment)))))));
    }

    /// <summary>The process order (performance) with the batch (response) and the fact (segment response).</summary>
    private static XDocument Production(OutboxMessage message, string order, string? externalOrder, string batch, string description,
        DateTimeOffset? start, DateTimeOffset? end, string state, params XElement?[] segments) =>
        Sync("SyncOperationsPerformance", message,
            E("OperationsPerformance",
                E("ID", order),
                E("Description", description),
                E("OperationsType", "Production"),
                Optional("OperationsScheduleID", externalOrder),
                E("OperationsResponse",
                    E("ID", batch),
                    E("Description", $"Batch {batch}"),
                    E("OperationsType", "Production"),
                    E("OperationsRequestID", order),
                    start is { } s ? E("StartTime", Time(s)) : null,
                    end is { } f ? E("EndTime", Time(f)) : null,
                    State("ResponseState", state),
                    segments)));

    private static XDocument Quality(OutboxMessage message, string number, string? batch, string description,
        DateTimeOffset? start, DateTimeOffset? end, string state, params XElement?[] data) =>
        Sync("SyncOperationsPerformance", message,
            E("OperationsPerformance",
                E("ID", number),
                E("Description", description),
                E("OperationsType", "Quality"),
                E("OperationsResponse",
                    E("ID", number),
                    E("Description", description),
                    E("OperationsType", "Quality"),
                    batch is null ? null : E("OperationsRequestID", batch),
                    start is { } s ? E("StartTime", Time(s)) : null,
                    end is { } f ? E("EndTime", Time(f)) : null,
                    State("ResponseState", state),
                    E("SegmentResponse",
                        E("ID", number),
                        E("Description", description),
                        E("OperationsType", "Quality"),
                        State("SegmentState", state),
                        data))));
}
