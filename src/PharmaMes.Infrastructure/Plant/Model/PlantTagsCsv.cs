using System.Globalization;
using System.Text;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Plant.Model;

/// <summary>
/// The tags of the plant as CSV for spreadsheet people, one tag a line under a fixed header. An
/// import adds and corrects tags of equipment that exists; sites, areas, lines and equipment are
/// made on the plant page or in the model file. Errors are named "line N" (the header is line 1).
/// The last column is the tag's Sparkplug metric name (empty: the tag's name); a file with the
/// older header, without it, leaves the metric names as they are.
/// </summary>
public static class PlantTagsCsv
{
    public const string Header = "site,area,line,equipment,tag,description,unit,normal_low,normal_high,alarm_low,alarm_high,role,sparkplug_metric";
    /// <summary>The header before tags had a Sparkplug metric name; still read.</summary>
    public const string HeaderWithoutMetric = "site,area,line,equipment,tag,description,unit,normal_low,normal_high,alarm_low,alarm_high,role";

    public static string Write(PlantModel model)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var site in model.Sites)
            foreach (var area in site.Areas)
                foreach (var line in area.Lines)
                    foreach (var equipment in line.Equipment)
                        foreach (var tag in equipment.Tags)
                            text.AppendJoin(',', new[] { site.Code, area.Code, line.Code, equipment.Code, tag.Name, tag.Description, tag.Unit,
                                    Number(tag.NormalLow), Number(tag.NormalHigh), Number(tag.AlarmLow), Number(tag.AlarmHigh), tag.Role.ToString(),
                                    tag.SparkplugMetric ?? "" }
                                .Select(Quote)).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// The file as a model that names only the existing sites, areas, lines and equipment (by code,
    /// with their current names and classes from <paramref name="current"/>) and the tags of each line.
    /// </summary>
    public static PlantModel Read(string csv, PlantModel current, IDictionary<string, string[]> errors)
    {
        var lines = csv.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var withMetric = string.Equals(lines[0].Trim(), Header, StringComparison.OrdinalIgnoreCase);
        if (lines.Length == 0 || !withMetric && !string.Equals(lines[0].Trim(), HeaderWithoutMetric, StringComparison.OrdinalIgnoreCase))
        {
            errors["line 1"] = [$"The first line must be the header: {Header}"];
            return new PlantModel([]);
        }
        var columns = withMetric ? 13 : 12;
        var equipment = (from s in current.Sites from a in s.Areas from l in a.Lines from e in l.Equipment
                         select (Key: (s.Code, a.Code, l.Code, e.Code), Site: s, Area: a, Line: l, Equipment: e))
            .ToDictionary(x => x.Key, x => x);
        var tags = new Dictionary<(string, string, string, string), List<TagModel>>();
        for (var i = 1; i < lines.Length; i++)
        {
            var where = $"line {i + 1}";
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            var fields = Split(lines[i]);
            if (fields.Count != columns)
            {
                errors[where] = [$"Expected {columns} fields ({(withMetric ? Header : HeaderWithoutMetric)}), found {fields.Count}."];
                continue;
            }
            var problems = new List<string>();
            var key = (Upper(fields[0]), Upper(fields[1]), Upper(fields[2]), Upper(fields[3]));
            if (!equipment.ContainsKey(key))
                problems.Add($"There is no equipment {fields[3]} on line {fields[2]} in area {fields[1]} of site {fields[0]}; add it on the plant page first.");
            double Number(int field, string name)
            {
                if (double.TryParse(fields[field], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    return value;
                problems.Add($"{name} must be a number, not '{fields[field]}'.");
                return 0;
            }
            var normalLow = Number(7, "normal_low");
            var normalHigh = Number(8, "normal_high");
            var alarmLow = Number(9, "alarm_low");
            var alarmHigh = Number(10, "alarm_high");
            var role = TagRole.None;
            if (fields[11].Length > 0 && !Enum.TryParse(fields[11], ignoreCase: true, out role))
                problems.Add($"role must be one of {string.Join(", ", Enum.GetNames<TagRole>())}, not '{fields[11]}'.");
            if (problems.Count > 0)
            {
                errors[where] = [.. problems];
                continue;
            }
            if (!tags.TryGetValue(key, out var list))
                tags[key] = list = [];
            // Without the column, a tag keeps the metric name it has.
            var metric = withMetric ? fields[12]
                : equipment.TryGetValue(key, out var known) ? known.Equipment.Tags.FirstOrDefault(t => t.Name == fields[4])?.SparkplugMetric : null;
            list.Add(new TagModel(fields[4], fields[5], fields[6], normalLow, normalHigh, alarmLow, alarmHigh, role, where, metric));
        }
        // Only the equipment the file names, each with the tags of its lines.
        var named = tags.Select(t => (Known: equipment[t.Key], Tags: t.Value)).ToList();
        return new PlantModel(named.GroupBy(n => n.Known.Site.Code).Select(site => new SiteModel(site.Key, site.First().Known.Site.Name,
            site.GroupBy(n => n.Known.Area.Code).Select(area => new AreaModel(area.Key, area.First().Known.Area.Name,
                area.GroupBy(n => n.Known.Line.Code).Select(line => new LineModel(line.Key, line.First().Known.Line.Name,
                    line.Select(n => n.Known.Equipment with { Tags = n.Tags, Settings = null, SparkplugAddress = null }).ToList())).ToList())).ToList())).ToList());
    }

    private static string Upper(string code) => code.Trim().ToUpperInvariant();

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;

    /// <summary>One CSV line into its fields (RFC 4180 quoting; a field does not span lines).</summary>
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
