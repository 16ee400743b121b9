using System.Xml.Linq;

namespace PharmaMes.Infrastructure.Outbox.Formats;

/// <summary>
/// ISA-95 B2MML V0700 (namespace http://www.mesa.org/xml/B2MML), valid against schemas/b2mml/PharmaMes-B2MML.xsd:
/// SyncOperationsPerformance for batches, phase confirmations, goods movements and quality
/// exceptions; SyncMaterialLot for lot status; SyncEquipment for equipment down and up; SyncOperationsSchedule for
/// schedule changes and delivery risks.
/// </summary>
public sealed class B2mmlErpMessageFormatter : IErpMessageFormatter
{
    public ErpFormat Format => ErpFormat.B2mml;
    public string ContentType => "application/xml";
    public string FileExtension => ".xml";

    public string Render(OutboxMessage message)
    {
        var document = Document(message);
        return document.Declaration + "\n" + document.Root;
    }

    /// <summary>The message as an XML document (the tests validate it as such).</summary>
    public static XDocument Document(OutboxMessage message) => message.Type switch
    {
        ErpMessageType.LotStatusChanged => B2mmlMaterialLot.Render(message),
        ErpMessageType.EquipmentDown or ErpMessageType.EquipmentUp => B2mmlEquipment.Render(message),
        ErpMessageType.ScheduleChanged or ErpMessageType.DeliveryRisk or ErpMessageType.MaterialShortage => B2mmlOperationsSchedule.Render(message),
        _ => B2mmlOperationsPerformance.Render(message),
    };
}
