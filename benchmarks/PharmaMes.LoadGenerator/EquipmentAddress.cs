namespace PharmaMes.LoadGenerator;

/// <summary>Where one piece of equipment sits below the site: the area/line/equipment part of its topic.</summary>
public sealed record EquipmentAddress(string Area, string Line, string Equipment)
{
    /// <summary>Parses "area/line/equipment".</summary>
    public static EquipmentAddress Parse(string triple)
    {
        var parts = triple.Split('/');
        if (parts.Length != 3)
            throw new ArgumentException($"equipment '{triple}' must be area/line/equipment");
        var address = new EquipmentAddress(parts[0].Trim(), parts[1].Trim(), parts[2].Trim());
        address.Validate();
        return address;
    }

    /// <summary>Parses a comma-separated list of "area/line/equipment" triples.</summary>
    public static IReadOnlyList<EquipmentAddress> ParseList(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Parse)
            .ToArray();

    public void Validate()
    {
        TopicLevel.Validate(Area, "area");
        TopicLevel.Validate(Line, "line");
        TopicLevel.Validate(Equipment, "equipment");
    }

    public string TelemetryTopic(string root, string site) => $"{root}/{site}/{Area}/{Line}/{Equipment}/telemetry";

    public override string ToString() => $"{Area}/{Line}/{Equipment}";
}
