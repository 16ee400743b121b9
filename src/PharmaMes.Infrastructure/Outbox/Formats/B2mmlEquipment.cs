using System.Xml.Linq;
using PharmaMes.Infrastructure.Outbox.Events;
using static PharmaMes.Infrastructure.Outbox.Formats.B2mmlElements;

namespace PharmaMes.Infrastructure.Outbox.Formats;

/// <summary>
/// Equipment going down and coming back as a B2MML Equipment (SyncEquipment) whose properties carry
/// the state, the reason and, when it is back, the downtime: what a maintenance (PM) system needs to
/// open and close a breakdown notification.
/// </summary>
internal static class B2mmlEquipment
{
    public static XDocument Render(OutboxMessage message) => message.Type switch
    {
        ErpMessageType.EquipmentDown => Down(message, ErpJson.Deserialize<EquipmentDown>(message.Payload)),
        ErpMessageType.EquipmentUp => Up(message, ErpJson.Deserialize<EquipmentUp>(message.Payload)),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.Type, "Not an equipment message."),
    };

    private static XDocument Down(OutboxMessage message, EquipmentDown e) =>
        Sync("SyncEquipment", message,
            E("Equipment",
                E("ID", e.Equipment),
                E("Description", e.EquipmentName),
                Data("EquipmentProperty", "State", "Down", "Code"),
                Data("EquipmentProperty", "Reason", e.Reason),
                Data("EquipmentProperty", "DownSince", Time(e.Since), "dateTime")));

    private static XDocument Up(OutboxMessage message, EquipmentUp e) =>
        Sync("SyncEquipment", message,
            E("Equipment",
                E("ID", e.Equipment),
                E("Description", e.EquipmentName),
                Data("EquipmentProperty", "State", e.State, "Code"),
                Data("EquipmentProperty", "Reason", e.Reason),
                Data("EquipmentProperty", "DownSince", Time(e.DownSince), "dateTime"),
                Data("EquipmentProperty", "UpAt", Time(e.UpAt), "dateTime"),
                Data("EquipmentProperty", "DowntimeMinutes", Number(e.DowntimeMinutes), "decimal", "min")));
}
