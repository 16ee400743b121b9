using System.Xml.Linq;
using PharmaMes.Domain.Production;
using static PharmaMes.Infrastructure.Production.BatchMl;

namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// Each electronic batch record entry as a BatchML <c>Event</c>, in the record's order: the ISA-88
/// event type and sub-type of its kind, who (a person) or what (the system) recorded it, the step as
/// the procedural element, and its value, limits, result, lot and links as the schema holds them.
/// </summary>
internal static class BatchMlEvents
{
    /// <param name="entries">The whole record by sequence, to show what a correction replaced.</param>
    /// <param name="signatures">The signature manifest's entry id of each signature.</param>
    public static XElement Event(BatchRecordEntry entry, IReadOnlyDictionary<int, BatchRecordEntry> entries, IReadOnlyDictionary<Guid, string> signatures)
    {
        var (type, subType) = TypeOf(entry.Kind);
        var unit = entry.Unit?.Symbol;
        var corrected = entry.CorrectsSequence is { } sequence ? entries.GetValueOrDefault(sequence) : null;
        return E("Event",
            Entry(EntryId(entry.Sequence), "Event", entry.At, null, Describe(entry)),
            type,
            subType,
            EquipmentOf(entry) is { } equipment ? E("EquipmentID", equipment) : null,
            entry.Value is { } value ? Value("Value", Number(value), "double", unit, entry.Name) : null,
            entry.Amount is { } amount ? Value("Value", Number(amount), "decimal", unit, entry.Name) : null,
            corrected?.Value is { } previous ? Value("PreviousValue", Number(previous), "double", corrected.Unit?.Symbol, corrected.Name) : null,
            entry.Text is { } text ? E("MessageText", text) : null,
            // Nobody signs for what equipment reported: the system is named as the computer that recorded it.
            entry.UserId is null ? E("ComputerID", entry.UserName) : E("PersonID", entry.UserName),
            entry.StepNumber is { } step ? E("ProceduralElementReference", StepId(step)) : null,
            E("Category", entry.Kind.ToString()),
            entry.Kind == BatchRecordEntryKind.Excursion ? Alarm(entry) : null,
            entry.CorrectsSequence is { } original ? E("AssociatedEventID", EntryId(original)) : null,
            Attributes(entry, signatures));
    }

    /// <summary>The ISA-88 event type and sub-type; what ISA-88 has no type for is "Other" with the MES's name.</summary>
    private static (XElement Type, XElement SubType) TypeOf(BatchRecordEntryKind kind) => kind switch
    {
        BatchRecordEntryKind.BatchCreated => (E("EventType", "Control Recipe"), E("EventSubType", "Status Change")),
        BatchRecordEntryKind.BatchStarted or BatchRecordEntryKind.BatchHeld or BatchRecordEntryKind.BatchResumed
            or BatchRecordEntryKind.BatchCompleted or BatchRecordEntryKind.BatchAborted
            or BatchRecordEntryKind.StepStarted or BatchRecordEntryKind.StepCompleted or BatchRecordEntryKind.StepVerified
            or BatchRecordEntryKind.StepSkipped => (E("EventType", "Procedural Execution"), E("EventSubType", "State Change")),
        BatchRecordEntryKind.EquipmentUsed => (E("EventType", "Equipment"), E("EventSubType", "Allocation")),
        BatchRecordEntryKind.ValueRecorded => (E("EventType", "Operator"), E("EventSubType", "Parameter Data")),
        BatchRecordEntryKind.ValueCaptured => (E("EventType", "Equipment"), E("EventSubType", "Parameter Data")),
        BatchRecordEntryKind.ValueCorrected => (E("EventType", "Operator"), E("EventSubType", "Modification")),
        BatchRecordEntryKind.MaterialDispensed => (E("EventType", "Material"), E("EventSubType", "Consume")),
        BatchRecordEntryKind.MaterialReturned or BatchRecordEntryKind.MaterialWasted => (E("EventType", "Material"), E("EventSubType", "Movement")),
        BatchRecordEntryKind.Excursion => (E("EventType", "Alarm"), E("EventSubType", "Process Data")),
        BatchRecordEntryKind.Comment => (E("EventType", "Message"), E("EventSubType", "Message")),
        BatchRecordEntryKind.Signature => (E("EventType", "Operator"), E("EventSubType", "Security")),
        BatchRecordEntryKind.QualityExceptionRaised or BatchRecordEntryKind.QualityExceptionClosed =>
            (Other("EventType", "Quality Exception"), E("EventSubType", "Status Change")),
        BatchRecordEntryKind.Disposition => (Other("EventType", "Disposition"), E("EventSubType", "Status Change")),
        _ => (Other("EventType", kind.ToString()), Other("EventSubType", kind.ToString())),
    };

    /// <summary>One line a reader can follow without the schema: the kind and what the entry is about.</summary>
    private static string Describe(BatchRecordEntry entry)
    {
        var about = entry.Name is null ? "" : $": {entry.Name}";
        var value = entry.Quantity is { } quantity ? $" {quantity}"
            : entry.Value is { } number ? $" = {Number(number)}{(entry.Unit is { } unit ? $" {unit}" : "")}"
            : "";
        var lot = entry.LotNumber is { } lotNumber ? $" from lot {lotNumber}" : "";
        var result = entry.Result is { } outcome and not EntryResult.NotApplicable ? $" ({outcome})" : "";
        return $"{entry.Kind}{about}{value}{lot}{result}";
    }

    /// <summary>The equipment an entry names: the one taken into use, or the one whose excursion it records.</summary>
    private static string? EquipmentOf(BatchRecordEntry entry) => entry.Kind switch
    {
        BatchRecordEntryKind.EquipmentUsed => entry.Name,
        // Recorded as "<equipment code> <tag name>".
        BatchRecordEntryKind.Excursion => entry.Name?.Split(' ', 2)[0],
        _ => null,
    };

    /// <summary>An excursion is an alarm of the equipment: past its high or low alarm limit.</summary>
    private static XElement Alarm(BatchRecordEntry entry) =>
        E("AlarmData",
            E("AlarmEvent", "Activation"),
            E("AlarmType", entry.Value > entry.HighLimit ? "High" : entry.Value < entry.LowLimit ? "Low" : "Deviation"),
            entry.LowLimit is { } low ? Value("AlarmLimit", Number(low), "double", entry.Unit?.Symbol, "Low") : null,
            entry.HighLimit is { } high ? Value("AlarmLimit", Number(high), "double", entry.Unit?.Symbol, "High") : null);

    /// <summary>What the event types have no element for: set point or target, limits, result, lot and signature.</summary>
    private static IEnumerable<XElement> Attributes(BatchRecordEntry entry, IReadOnlyDictionary<Guid, string> signatures)
    {
        var unit = entry.Unit?.Symbol;
        if (entry.Target is { } target)
            yield return Attribute("Target", Value("Value", Number(target), "double", unit));
        if (entry.LowLimit is { } low && entry.HighLimit is { } high)
            yield return Attribute("Limits", Value("Value", Number(low), "double", unit, "Low"), Value("Value", Number(high), "double", unit, "High"));
        if (entry.Result is { } result)
            yield return Attribute("Result", Value("Value", result.ToString(), "Code"));
        if (entry.LotNumber is { } lot)
            yield return Attribute("LotID", Value("Value", lot.Value, "Identifier"));
        if (entry.SignatureId is { } signature)
            yield return Attribute("SignatureReference", Value("Value", signatures.GetValueOrDefault(signature) ?? signature.ToString(), "Identifier"));
    }

    private static XElement Attribute(string id, params XElement[] values) => E("UserAttribute", E("AttributeID", id), values);
}
