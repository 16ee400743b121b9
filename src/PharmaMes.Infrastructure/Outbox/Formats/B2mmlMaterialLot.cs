using System.Xml.Linq;
using PharmaMes.Infrastructure.Outbox.Events;
using static PharmaMes.Infrastructure.Outbox.Formats.B2mmlElements;

namespace PharmaMes.Infrastructure.Outbox.Formats;

/// <summary>A lot's status change as a B2MML MaterialLot (SyncMaterialLot), with the expiry date and reason as properties.</summary>
internal static class B2mmlMaterialLot
{
    public static XDocument Render(OutboxMessage message)
    {
        var e = ErpJson.Deserialize<LotStatusChanged>(message.Payload);
        return Sync("SyncMaterialLot", message,
            E("MaterialLot",
                E("ID", e.Lot),
                E("Description", e.PreviousStatus is null ? $"Lot created {e.Status}" : $"Lot status {e.PreviousStatus} to {e.Status}"),
                E("MaterialDefinitionID", e.Material),
                E("Status", e.Status),
                Data("MaterialLotProperty", "ExpiryDate", Date(e.ExpiryDate), "date"),
                Data("MaterialLotProperty", "PreviousStatus", e.PreviousStatus, "Code"),
                Data("MaterialLotProperty", "StatusReason", e.Reason),
                Data("MaterialLotProperty", "StatusChangedAt", Time(e.ChangedAt), "dateTime")));
    }
}
