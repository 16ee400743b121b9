using System.Xml.Linq;
using PharmaMes.Infrastructure.Outbox.Events;
using static PharmaMes.Infrastructure.Outbox.Formats.B2mmlElements;

namespace PharmaMes.Infrastructure.Outbox.Formats;

/// <summary>
/// SyncOperationsSchedule: an order whose plan changed (its operations request with the new start and end, one segment
/// requirement per step on its equipment), or whose planned end is now past its due date (the request's new end, the
/// risk in its description), or a material the plan lacks (each order lacking it a request; the first, where the
/// shortage begins, requires the missing quantity from when it is needed).
/// </summary>
internal static class B2mmlOperationsSchedule
{
    public static XDocument Render(OutboxMessage message) => message.Type switch
    {
        ErpMessageType.ScheduleChanged => Changed(message, ErpJson.Deserialize<ScheduleChanged>(message.Payload)),
        ErpMessageType.DeliveryRisk => Risk(message, ErpJson.Deserialize<DeliveryRisk>(message.Payload)),
        ErpMessageType.MaterialShortage => Shortage(message, ErpJson.Deserialize<MaterialShortage>(message.Payload)),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.Type, "Not an operations schedule message."),
    };

    private static XDocument Changed(OutboxMessage message, ScheduleChanged e)
    {
        var start = e.Operations.Count > 0 ? e.Operations.Min(o => o.PlannedStart) : (DateTimeOffset?)null;
        var moved = e.OldPlannedEnd is { } old ? $"planned end moved from {Time(old)} to {Time(e.NewPlannedEnd)}" : $"planned end {Time(e.NewPlannedEnd)}";
        return Sync("SyncOperationsSchedule", message,
            E("OperationsSchedule",
                E("ID", e.ImpactId.ToString()),
                E("Description", $"Schedule changed: {e.Cause}"),
                E("OperationsType", "Production"),
                start is { } s ? E("StartTime", Time(s)) : null,
                E("EndTime", Time(e.NewPlannedEnd)),
                E("OperationsRequest",
                    E("ID", e.OrderNumber),
                    E("Description", $"{e.Product} {Number(e.Quantity)} {e.Unit}, due {Date(e.DueDate)}: {moved}"),
                    e.ExternalId is null ? null : E("Description", $"ERP order {e.ExternalId}"),
                    e.CustomerReference is null ? null : E("Description", $"Customer reference {e.CustomerReference}"),
                    E("OperationsType", "Production"),
                    start is { } s2 ? E("StartTime", Time(s2)) : null,
                    E("EndTime", Time(e.NewPlannedEnd)),
                    E("Priority", e.Priority),
                    e.Operations.Select(o => E("SegmentRequirement",
                        E("ID", $"{e.OrderNumber}/{o.Step}"),
                        E("Description", o.StepName),
                        E("OperationsType", "Production"),
                        E("EarliestStartTime", Time(o.PlannedStart)),
                        E("LatestEndTime", Time(o.PlannedEnd)),
                        E("EquipmentRequirement", E("EquipmentID", o.Equipment)))))));
    }

    private static XDocument Risk(OutboxMessage message, DeliveryRisk e) =>
        Sync("SyncOperationsSchedule", message,
            E("OperationsSchedule",
                E("ID", e.ImpactId.ToString()),
                E("Description", $"Delivery risk: {e.Cause}"),
                E("OperationsType", "Production"),
                E("EndTime", Time(e.NewPlannedEnd)),
                E("OperationsRequest",
                    E("ID", e.OrderNumber),
                    E("Description", $"{e.Product} due {Date(e.DueDate)} is now planned to end {Time(e.NewPlannedEnd)}, {e.LateMinutes} minutes late"),
                    e.ExternalId is null ? null : E("Description", $"ERP order {e.ExternalId}"),
                    e.CustomerReference is null ? null : E("Description", $"Customer reference {e.CustomerReference}"),
                    E("OperationsType", "Production"),
                    E("EndTime", Time(e.NewPlannedEnd)))));

    private static XDocument Shortage(OutboxMessage message, MaterialShortage e) =>
        Sync("SyncOperationsSchedule", message,
            E("OperationsSchedule",
                E("ID", e.ImpactId.ToString()),
                E("Description", $"Material shortage: {e.Material} short by {Number(e.ShortBy)} {e.Unit} from {Time(e.NeededBy)} ({Number(e.Released)} {e.Unit} released)"),
                E("Description", e.Cause),
                E("OperationsType", "Production"),
                E("StartTime", Time(e.NeededBy)),
                e.Orders.Select((order, i) => E("OperationsRequest",
                    E("ID", order),
                    E("Description", $"{order} lacks {e.Material}"),
                    E("OperationsType", "Production"),
                    i > 0 ? null : E("SegmentRequirement",
                        E("ID", $"{order}/{e.Material}"),
                        E("Description", $"{e.Material} needed from {Time(e.NeededBy)}"),
                        E("OperationsType", "Production"),
                        E("EarliestStartTime", Time(e.NeededBy)),
                        E("MaterialRequirement",
                            E("MaterialDefinitionID", e.Material),
                            E("Description", "Missing for the schedule in force"),
                            E("MaterialUse", "Consumed"),
                            Quantity(e.ShortBy, e.Unit)))))));
}
