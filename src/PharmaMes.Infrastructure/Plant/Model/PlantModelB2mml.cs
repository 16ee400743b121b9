using System.Globalization;
using System.Xml.Linq;
using PharmaMes.Domain.Plant;
using static PharmaMes.Infrastructure.Outbox.Formats.B2mmlElements;

namespace PharmaMes.Infrastructure.Plant.Model;

/// <summary>
/// The plant model as a B2MML V0700 <c>EquipmentInformation</c>: nested <c>Equipment</c> with
/// <c>EquipmentLevel</c> Site, Area, ProductionLine and Unit; a unit's class as <c>EquipmentClassID</c>,
/// its tags as <c>EquipmentProperty</c> (unit of measure on the value, ranges and role as nested
/// properties, a Sparkplug metric name as a nested SparkplugMetric) and its engineering settings and
/// Sparkplug address as properties with PascalCase IDs, which no tag name can be. The mapping is
/// described in docs/plant-model.md.
/// </summary>
public static class PlantModelB2mml
{
    public const string Root = "EquipmentInformation";
    private const string NormalLow = "NormalLow", NormalHigh = "NormalHigh", AlarmLow = "AlarmLow", AlarmHigh = "AlarmHigh", Role = "Role";
    private const string CleanHoldTime = "CleanHoldTime", DirtyHoldTime = "DirtyHoldTime", MajorClean = "ProductChangeNeedsMajorClean",
        CalibrationInterval = "CalibrationIntervalDays", IdealRate = "IdealRatePerMinute", Retired = "Retired",
        ProductRates = "IdealRatePerMinuteByProduct", SparkplugAddress = "SparkplugAddress", GroupId = "GroupId", EdgeNodeId = "EdgeNodeId",
        DeviceId = "DeviceId", SparkplugMetric = "SparkplugMetric";
    private static readonly HashSet<string> Settings = [CleanHoldTime, DirtyHoldTime, MajorClean, CalibrationInterval, IdealRate, Retired, ProductRates, SparkplugAddress];

    public static XDocument Write(PlantModel model) =>
        new(new XDeclaration("1.0", "utf-8", null),
            E(Root,
                E("ID", "PharmaMes plant model"),
                model.Sites.Select(site => Node(site.Code, site.Name, "Site",
                    site.Areas.Select(area => Node(area.Code, area.Name, "Area",
                        area.Lines.Select(line => Node(line.Code, line.Name, "ProductionLine",
                            line.Equipment.Select(Unit)))))))));

    private static XElement Node(string code, string name, string level, IEnumerable<XElement> children) =>
        E("Equipment", E("ID", code), E("Description", name), Level(code, level), children);

    private static XElement Level(string code, string level) => E("EquipmentLevel", E("EquipmentID", code), E("EquipmentElementLevel", level));

    private static XElement Unit(EquipmentModel e) =>
        E("Equipment", E("ID", e.Code), E("Description", e.Name), Level(e.Code, "Unit"),
            e.Tags.Select(Tag),
            Setting(CleanHoldTime, e.Settings?.CleanHoldHours, "h"),
            Setting(DirtyHoldTime, e.Settings?.DirtyHoldHours, "h"),
            e.Settings?.ProductChangeNeedsMajorClean is { } major ? Data("EquipmentProperty", MajorClean, major ? "true" : "false", "boolean") : null,
            Setting(CalibrationInterval, e.Settings?.CalibrationIntervalDays, "d"),
            Setting(IdealRate, e.Settings?.IdealRatePerMinute, "1/min"),
            // One nested property per product: its material code and its rate.
            e.Settings?.ProductIdealRates is { Count: > 0 } rates
                ? E("EquipmentProperty", E("ID", ProductRates), rates.Select(r => Data("EquipmentProperty", r.Product, Number(r.UnitsPerMinute), "double", "1/min")))
                : null,
            e.Retired ? Data("EquipmentProperty", Retired, "true", "boolean") : null,
            // The explicit Sparkplug address, one nested property per id; left out for the default rule.
            e.SparkplugAddress is { } address
                ? E("EquipmentProperty", E("ID", SparkplugAddress),
                    Data("EquipmentProperty", GroupId, address.GroupId), Data("EquipmentProperty", EdgeNodeId, address.EdgeNodeId),
                    Data("EquipmentProperty", DeviceId, address.DeviceId))
                : null,
            E("EquipmentClassID", e.Class.ToString()));

    private static XElement? Setting(string id, double? value, string unit) =>
        value is { } v ? Data("EquipmentProperty", id, Number(v), "double", unit) : null;

    private static XElement Tag(TagModel t) =>
        E("EquipmentProperty", E("ID", t.Name), E("Description", t.Description),
            // The tag's readings are numbers in this unit; the model carries no reading itself.
            E("Value", E("ValueString", ""), E("DataType", "double"), E("UnitOfMeasure", t.Unit)),
            Data("EquipmentProperty", NormalLow, Number(t.NormalLow), "double", t.Unit),
            Data("EquipmentProperty", NormalHigh, Number(t.NormalHigh), "double", t.Unit),
            Data("EquipmentProperty", AlarmLow, Number(t.AlarmLow), "double", t.Unit),
            Data("EquipmentProperty", AlarmHigh, Number(t.AlarmHigh), "double", t.Unit),
            t.Role == TagRole.None ? null : Data("EquipmentProperty", Role, t.Role.ToString(), "string"),
            string.IsNullOrEmpty(t.SparkplugMetric) ? null : Data("EquipmentProperty", SparkplugMetric, t.SparkplugMetric, "string"));

    /// <summary>
    /// Reads a document already valid against the schema. What the schema cannot say (a level out of
    /// place, a number that is not one, an unknown class) is named by its element path in <paramref name="errors"/>.
    /// </summary>
    public static PlantModel Read(XDocument document, IDictionary<string, string[]> errors)
    {
        var root = document.Root!;
        var sites = Children(root, $"/{Root}", "Site", errors).Select(s => new SiteModel(Id(s.Element), Description(s.Element),
            Children(s.Element, s.Path, "Area", errors).Select(a => new AreaModel(Id(a.Element), Description(a.Element),
                Children(a.Element, a.Path, "ProductionLine", errors).Select(l => new LineModel(Id(l.Element), Description(l.Element),
                    Children(l.Element, l.Path, "Unit", errors).Select(u => ReadUnit(u.Element, u.Path, errors)).ToList(), l.Path)).ToList(), a.Path)).ToList(),
            s.Path)).ToList();
        return new PlantModel(sites);
    }

    private static IEnumerable<(XElement Element, string Path)> Children(XElement parent, string path, string level, IDictionary<string, string[]> errors)
    {
        foreach (var child in parent.Elements(Ns + "Equipment"))
        {
            var childPath = $"{path}/Equipment[ID='{Id(child)}']";
            var found = child.Element(Ns + "EquipmentLevel")?.Element(Ns + "EquipmentElementLevel")?.Value;
            // A work cell is a line by another name (ISA-95 discrete manufacturing).
            if (found == level || (level == "ProductionLine" && found == "WorkCell"))
                yield return (child, childPath);
            else
                errors[childPath] = [$"Expected an EquipmentLevel of {level} here, found {found ?? "none"}."];
        }
    }

    private static EquipmentModel ReadUnit(XElement unit, string path, IDictionary<string, string[]> errors)
    {
        var problems = new List<string>();
        var className = unit.Element(Ns + "EquipmentClassID")?.Value;
        if (!Enum.TryParse<EquipmentClass>(className, ignoreCase: false, out var equipmentClass))
            problems.Add($"The EquipmentClassID '{className}' is not one of: {string.Join(", ", Enum.GetNames<EquipmentClass>())}.");
        var properties = unit.Elements(Ns + "EquipmentProperty").ToList();
        double? Setting(string id) => properties.FirstOrDefault(p => Id(p) == id) is { } p ? Double(p, $"{path}/EquipmentProperty[ID='{id}']", problems) : null;
        bool? Flag(string id) => properties.FirstOrDefault(p => Id(p) == id)?.Element(Ns + "Value")?.Element(Ns + "ValueString")?.Value is { } text
            ? text == "true" : null;
        var productRates = properties.FirstOrDefault(p => Id(p) == ProductRates)?.Elements(Ns + "EquipmentProperty")
            .Select(p => new ProductIdealRate(Id(p), Double(p, $"{path}/EquipmentProperty[ID='{ProductRates}']/EquipmentProperty[ID='{Id(p)}']", problems) ?? 0))
            .ToList();
        var settings = new EquipmentSettings(Setting(CleanHoldTime), Setting(DirtyHoldTime), Flag(MajorClean),
            Setting(CalibrationInterval) is { } days ? (int)days : null, Setting(IdealRate), productRates);
        var tags = properties.Where(p => !Settings.Contains(Id(p))).Select(p => ReadTag(p, $"{path}/EquipmentProperty[ID='{Id(p)}']", errors)).ToList();
        // Present with no ids, it puts the equipment back on the default rule; left out, the address stays.
        var sparkplug = properties.FirstOrDefault(p => Id(p) == SparkplugAddress) is { } addressProperty
            ? new SparkplugAddressModel(Text(addressProperty, GroupId), Text(addressProperty, EdgeNodeId), Text(addressProperty, DeviceId))
            : null;
        if (problems.Count > 0)
            errors[path] = [.. problems];
        var hasSettings = settings != new EquipmentSettings(null, null, null, null);
        return new EquipmentModel(Id(unit), Description(unit), equipmentClass, tags, hasSettings ? settings : null, Flag(Retired) == true, path, sparkplug);
    }

    private static TagModel ReadTag(XElement property, string path, IDictionary<string, string[]> errors)
    {
        var problems = new List<string>();
        var nested = property.Elements(Ns + "EquipmentProperty").ToList();
        double Limit(string id) => nested.FirstOrDefault(p => Id(p) == id) is { } p
            ? Double(p, id, problems) ?? 0
            : Missing(id);
        double Missing(string id)
        {
            problems.Add($"The tag needs a nested EquipmentProperty {id}.");
            return 0;
        }
        var roleText = nested.FirstOrDefault(p => Id(p) == Role)?.Element(Ns + "Value")?.Element(Ns + "ValueString")?.Value;
        var role = TagRole.None;
        if (roleText is not null && !Enum.TryParse(roleText, ignoreCase: false, out role))
            problems.Add($"The Role '{roleText}' is not one of: {string.Join(", ", Enum.GetNames<TagRole>())}.");
        var tag = new TagModel(Id(property), Description(property),
            property.Element(Ns + "Value")?.Element(Ns + "UnitOfMeasure")?.Value ?? "",
            Limit(NormalLow), Limit(NormalHigh), Limit(AlarmLow), Limit(AlarmHigh), role, path, Text(property, SparkplugMetric));
        if (problems.Count > 0)
            errors[path] = [.. problems];
        return tag;
    }

    private static double? Double(XElement property, string what, List<string> problems)
    {
        var text = property.Element(Ns + "Value")?.Element(Ns + "ValueString")?.Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        problems.Add($"{what} must be a number, not '{text}'.");
        return null;
    }

    private static string Id(XElement element) => element.Element(Ns + "ID")?.Value ?? "";

    /// <summary>The text of the nested property <paramref name="id"/>, exactly as written; null when it is not there.</summary>
    private static string? Text(XElement property, string id) =>
        property.Elements(Ns + "EquipmentProperty").FirstOrDefault(p => Id(p) == id)?.Element(Ns + "Value")?.Element(Ns + "ValueString")?.Value;

    private static string Description(XElement element) => element.Element(Ns + "Description")?.Value ?? "";
}
