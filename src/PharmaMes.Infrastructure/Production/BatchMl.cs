using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// The BatchML (ISA-88 part 4, B2MML V0700) vocabulary the batch record export writes: the
/// namespace, the identifiers that link the parts of one record to each other, and values in the
/// schema's lexical forms.
/// </summary>
internal static class BatchMl
{
    public static readonly XNamespace Ns = "http://www.mesa.org/xml/B2MML";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The element's identity in the procedure: events and signatures point to a step by it.</summary>
    public static string StepId(int number) => $"Step-{number}";

    /// <summary>The record entry with this sequence: entries keep the numbering of the electronic batch record.</summary>
    public static string EntryId(int sequence) => $"Entry-{sequence}";

    public static string SignatureId(int position) => $"Signature-{position}";

    /// <summary>An element in the B2MML namespace; text is made XML-safe, null content is left out.</summary>
    public static XElement E(string name, params object?[] content) =>
        new(Ns + name, content.Select(c => c is string text ? XmlSafe(text) : c));

    /// <summary>A code of a list with "Other": a value outside the list goes into the OtherValue attribute.</summary>
    public static XElement Other(string name, string otherValue) => E(name, new XAttribute("OtherValue", otherValue), "Other");

    /// <summary>xs:dateTime in UTC with a Z: every time in the record is kept and shown in UTC.</summary>
    public static string Time(DateTimeOffset at) => XmlConvert.ToString(at.UtcDateTime, XmlDateTimeSerializationMode.Utc);

    public static string Number(double value) => XmlConvert.ToString(value);

    // Without the trailing zeros a decimal(18,6) column adds: 5.02, not 5.020000.
    public static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>The group every BatchML record object starts with (BatchProductionRecordEntryType).</summary>
    public static IEnumerable<XElement> Entry(string id, XElement objectType, DateTimeOffset? at, string? externalReference, params string?[] descriptions) =>
        new[]
        {
            E("EntryID", id),
            objectType,
            at is { } time ? E("TimeStamp", Time(time)) : null,
            externalReference is null ? null : E("ExternalReference", externalReference),
        }.Concat(descriptions.Where(d => d is not null).Select(d => E("Description", d))).OfType<XElement>();

    public static IEnumerable<XElement> Entry(string id, string objectType, DateTimeOffset? at, string? externalReference, params string?[] descriptions) =>
        Entry(id, E("ObjectType", objectType), at, externalReference, descriptions);

    /// <summary>A B2MML ValueType: the value as text, its data type, unit and the key naming it.</summary>
    public static XElement Value(string element, string text, string dataType, string? unit = null, string? key = null) =>
        E(element, E("ValueString", text), E("DataType", dataType), unit is null ? null : E("UnitOfMeasure", unit), key is null ? null : E("Key", key));

    /// <summary>A BatchML BatchValueType, whose interpretation, data type and unit are all required.</summary>
    public static XElement BatchValue(string text, string dataType, string unit) =>
        E("Value", E("ValueString", text), E("DataInterpretation", "Constant"), E("DataType", dataType), E("UnitOfMeasure", unit));

    // A control character would make the document unreadable; it is shown as U+FFFD instead.
    private static string XmlSafe(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : string.Concat(text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD'));
}
