using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using PharmaMes.Infrastructure.Outbox;
using PharmaMes.Infrastructure.Outbox.Formats;

namespace PharmaMes.Infrastructure.Tests.Outbox;

public class ErpMessageFormats
{
    public static TheoryData<ErpMessageType> EveryType => [.. Enum.GetValues<ErpMessageType>()];

    private static readonly XNamespace B2mml = "http://www.mesa.org/xml/B2MML";

    /// <summary>The project's entry point into MESA's schemas, schemas/b2mml/PharmaMes-B2MML.xsd.</summary>
    private static readonly Lazy<XmlSchemaSet> Exchanged = new(() => B2mmlSchemaFolder.Compile(B2mmlSchemaFolder.EntryPoint));

    private static List<string> Validate(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Exchanged.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
        return problems;
    }

    [Theory]
    [MemberData(nameof(EveryType))]
    public void EveryMessageTypeIsValidB2mmlV0700AgainstThePharmaMesSchema(ErpMessageType type)
    {
        var message = SampleErpMessages.For(type);

        var xml = new B2mmlErpMessageFormatter().Render(message);

        Assert.Empty(Validate(xml));
        var document = XDocument.Parse(xml);
        Assert.Equal(message.MessageId.ToString(), document.Descendants(B2mml + "BODID").Single().Value);
        Assert.Equal(type switch
        {
            ErpMessageType.LotStatusChanged => "SyncMaterialLot",
            ErpMessageType.EquipmentDown or ErpMessageType.EquipmentUp => "SyncEquipment",
            ErpMessageType.ScheduleChanged or ErpMessageType.DeliveryRisk or ErpMessageType.MaterialShortage => "SyncOperationsSchedule",
            _ => "SyncOperationsPerformance",
        }, document.Root!.Name.LocalName);
    }

    [Fact]
    public void TheSchemaCheckCatchesAnInvalidDocument()
    {
        var xml = new B2mmlErpMessageFormatter().Render(SampleErpMessages.For(ErpMessageType.LotStatusChanged))
            .Replace("<MaterialDefinitionID>", "<Unexpected>x</Unexpected><MaterialDefinitionID>");

        Assert.NotEmpty(Validate(xml));
    }

    [Fact]
    public void AGoodsIssueIsConsumedMaterialWithItsLotQuantityAndMovementType261()
    {
        var xml = XDocument.Parse(new B2mmlErpMessageFormatter().Render(SampleErpMessages.For(ErpMessageType.GoodsIssue)));

        var actual = xml.Descendants(B2mml + "MaterialActual").Single();
        Assert.Equal(("API-PARA", "PARA-24-0117", "Consumed"),
            (actual.Element(B2mml + "MaterialDefinitionID")!.Value, actual.Element(B2mml + "MaterialLotID")!.Value, actual.Element(B2mml + "MaterialUse")!.Value));
        Assert.Equal(("5.02", "kg"), (actual.Element(B2mml + "Quantity")!.Element(B2mml + "QuantityString")!.Value, actual.Element(B2mml + "Quantity")!.Element(B2mml + "UnitOfMeasure")!.Value));
        Assert.Equal("261", actual.Elements(B2mml + "MaterialActualProperty").Single(p => p.Element(B2mml + "ID")!.Value == "MovementType").Descendants(B2mml + "ValueString").Single().Value);
        Assert.Equal(("PO-2026-0042", "4711-SAP", "B-2026-0042"),
            (xml.Descendants(B2mml + "OperationsPerformance").Single().Element(B2mml + "ID")!.Value,
             xml.Descendants(B2mml + "OperationsScheduleID").Single().Value,
             xml.Descendants(B2mml + "OperationsResponse").Single().Element(B2mml + "ID")!.Value));
    }

    [Fact]
    public void AScheduleChangeIsTheOrdersRequestWithEachStepOnItsEquipment()
    {
        var xml = XDocument.Parse(new B2mmlErpMessageFormatter().Render(SampleErpMessages.For(ErpMessageType.ScheduleChanged)));

        var request = xml.Descendants(B2mml + "OperationsRequest").Single();
        Assert.Equal("PO-2026-0012", request.Element(B2mml + "ID")!.Value);
        Assert.Equal("1", request.Element(B2mml + "Priority")!.Value);
        Assert.Equal([("PO-2026-0012/4", "TP-02"), ("PO-2026-0012/5", "COAT-01")], request.Elements(B2mml + "SegmentRequirement")
            .Select(s => (s.Element(B2mml + "ID")!.Value, s.Element(B2mml + "EquipmentRequirement")!.Element(B2mml + "EquipmentID")!.Value)));
        Assert.Contains("Customer reference PHARMACY-CHAIN-7", request.Elements(B2mml + "Description").Select(d => d.Value));
    }

    [Fact]
    public void AGoodsReceiptIsProducedMaterialOfTheBatchLot()
    {
        var xml = XDocument.Parse(new B2mmlErpMessageFormatter().Render(SampleErpMessages.For(ErpMessageType.GoodsReceipt)));

        var actual = xml.Descendants(B2mml + "MaterialActual").Single();
        Assert.Equal(("B-2026-0042", "Produced"), (actual.Element(B2mml + "MaterialLotID")!.Value, actual.Element(B2mml + "MaterialUse")!.Value));
    }

    [Theory]
    [MemberData(nameof(EveryType))]
    public void EveryMessageTypeIsAJsonEnvelopeWithItsEventUnderData(ErpMessageType type)
    {
        var message = SampleErpMessages.For(type);

        using var json = JsonDocument.Parse(new JsonErpMessageFormatter().Render(message));

        var root = json.RootElement;
        Assert.Equal((message.MessageId.ToString(), type.ToString(), message.Aggregate),
            (root.GetProperty("messageId").GetString(), root.GetProperty("type").GetString(), root.GetProperty("aggregate").GetString()));
        using var payload = JsonDocument.Parse(message.Payload);
        Assert.Equal(payload.RootElement.EnumerateObject().Select(p => p.Name), root.GetProperty("data").EnumerateObject().Select(p => p.Name));
        Assert.Equal(DateTimeOffset.Parse("2026-12-02T09:30:00Z"), root.GetProperty("occurredAt").GetDateTimeOffset());
    }
}
