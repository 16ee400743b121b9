using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace PharmaMes.Infrastructure.Outbox.Formats;

/// <summary>The building blocks every B2MML V0700 message shares: the namespace, the BOD envelope, values and quantities.</summary>
internal static class B2mmlElements
{
    public static readonly XNamespace Ns = "http://www.mesa.org/xml/B2MML";
    public const string ReleaseId = "7.0";

    public static XElement E(string name, params object?[] content) => new(Ns + name, content);

    public static XElement? Optional(string name, string? value) => string.IsNullOrEmpty(value) ? null : E(name, value);

    public static string Time(DateTimeOffset at) => XmlConvert.ToString(at.ToUniversalTime());

    /// <summary>
    /// A Sync BOD: the verb's root with the ApplicationArea (sender, creation time, and the message id as
    /// BODID, so a repeat is the same document) and the DataArea holding the nouns.
    /// </summary>
    public static XDocument Sync(string verbNoun, OutboxMessage message, params XElement[] nouns) =>
        new(new XDeclaration("1.0", "utf-8", null),
            E(verbNoun, new XAttribute("releaseID", ReleaseId),
                E("ApplicationArea",
                    E("Sender", E("LogicalID", "PharmaMes"), E("ReferenceID", message.Aggregate)),
                    E("CreationDateTime", Time(message.OccurredAt)),
                    E("BODID", message.MessageId.ToString())),
                E("DataArea", E("Sync"), nouns)));

    public static XElement Quantity(decimal amount, string unit) =>
        E("Quantity", E("QuantityString", amount.ToString(CultureInfo.InvariantCulture)), E("DataType", "decimal"), E("UnitOfMeasure", unit));

    public static XElement Value(string text, string dataType, string? unit = null) =>
        E("Value", E("ValueString", text), E("DataType", dataType), unit is null ? null : E("UnitOfMeasure", unit));

    /// <summary>An ID/Value pair (SegmentData, MaterialLotProperty, EquipmentProperty...), or nothing when there is no value.</summary>
    public static XElement? Data(string element, string id, string? text, string dataType = "string", string? unit = null) =>
        text is null ? null : E(element, E("ID", id), Value(text, dataType, unit));

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A ResponseState from the B2MML list; anything else is "Other" with the word kept.</summary>
    public static XElement State(string element, string state) =>
        state is "Ready" or "Running" or "Completed" or "Aborted" or "Holding" or "Paused"
            ? E(element, state)
            : E(element, new XAttribute("OtherValue", state), "Other");
}
