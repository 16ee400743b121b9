using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Plant.Model;

/// <summary>
/// Brings a described plant into the tracked one: adds what is new, corrects names and tags,
/// never deletes. Every node goes through the domain's own rules; each refusal is kept under the
/// node's path and the merge goes on, so one pass names every error. The caller saves only when
/// there are none, so a file with an error changes nothing.
/// </summary>
internal sealed class PlantModelMerge(MesDbContext db, List<Site> sites, DateTimeOffset now)
{
    private readonly Dictionary<string, List<string>> _errors = [];
    private readonly Dictionary<PlantCode, Line> _lines = sites.SelectMany(s => s.Areas).SelectMany(a => a.Lines).ToDictionary(l => l.Code);
    private readonly Dictionary<PlantCode, Equipment> _equipment =
        sites.SelectMany(s => s.Areas).SelectMany(a => a.Lines).SelectMany(l => l.Equipment).ToDictionary(e => e.Code);
    private readonly HashSet<PlantCode> _seen = [];

    public int Added { get; private set; }
    public int Changed { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>The plant with every site, area, line, equipment and tag, tracked for changes.</summary>
    public static Task<List<Site>> LoadAsync(MesDbContext db, CancellationToken cancellationToken) =>
        db.Sites.Include(s => s.Areas).ThenInclude(a => a.Lines).ThenInclude(l => l.Equipment).ThenInclude(e => e.Tags)
            .AsSplitQuery().ToListAsync(cancellationToken);

    /// <summary>The equipment codes of the plant that the merged model did not mention.</summary>
    public IReadOnlyList<string> EquipmentNotSeen => _equipment.Keys.Where(c => !_seen.Contains(c)).Select(c => c.Value).Order(StringComparer.Ordinal).ToList();

    public void Merge(PlantModel model)
    {
        var all = model.Sites ?? [];
        for (var i = 0; i < all.Count; i++)
        {
            var s = all[i];
            var path = s.Origin ?? $"sites[{i}]";
            var site = Try(path, () =>
            {
                var code = new PlantCode(s.Code);
                var found = sites.FirstOrDefault(x => x.Code == code);
                if (found is null)
                {
                    found = new Site(code, s.Name);
                    sites.Add(found);
                    db.Sites.Add(found);
                    Added++;
                }
                else
                    Rename(found.Name, s.Name, found.Rename);
                return found;
            });
            if (site is not null)
                MergeAreas(site, s.Areas ?? [], path);
        }
    }

    private void MergeAreas(Site site, IReadOnlyList<AreaModel> areas, string parent)
    {
        for (var i = 0; i < areas.Count; i++)
        {
            var a = areas[i];
            var path = a.Origin ?? $"{parent}.areas[{i}]";
            var area = Try(path, () =>
            {
                var code = new PlantCode(a.Code);
                var found = site.Areas.FirstOrDefault(x => x.Code == code);
                if (found is null)
                {
                    found = site.AddArea(code, a.Name);
                    db.Areas.Add(found);
                    Added++;
                }
                else
                    Rename(found.Name, a.Name, found.Rename);
                return found;
            });
            if (area is not null)
                MergeLines(area, a.Lines ?? [], path);
        }
    }

    private void MergeLines(Area area, IReadOnlyList<LineModel> lines, string parent)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var path = l.Origin ?? $"{parent}.lines[{i}]";
            var line = Try(path, () =>
            {
                var code = new PlantCode(l.Code);
                // Line codes are unique in the whole plant (they are topic segments people read without the area).
                if (_lines.TryGetValue(code, out var found) && found.AreaId != area.Id)
                    throw new DomainException($"Line {code} belongs to another area; codes never move.");
                if (found is null)
                {
                    found = area.AddLine(code, l.Name);
                    db.Lines.Add(found);
                    _lines[code] = found;
                    Added++;
                }
                else
                    Rename(found.Name, l.Name, found.Rename);
                return found;
            });
            if (line is not null)
                MergeEquipment(line, l.Equipment ?? [], path);
        }
    }

    private void MergeEquipment(Line line, IReadOnlyList<EquipmentModel> equipment, string parent)
    {
        for (var i = 0; i < equipment.Count; i++)
        {
            var e = equipment[i];
            var path = e.Origin ?? $"{parent}.equipment[{i}]";
            var unit = Try(path, () =>
            {
                var code = new PlantCode(e.Code);
                if (!_seen.Add(code))
                    throw new DomainException($"Equipment {code} is described twice.");
                // Equipment codes are unique in the plant: devices publish under them and people scan them.
                if (_equipment.TryGetValue(code, out var found) && found.LineId != line.Id)
                    throw new DomainException($"Equipment {code} stands on another line; codes never move.");
                if (found is null)
                {
                    SparkplugAddressing.EnsureDefaultFree(sites, SiteOf(line).Code, line.Code, code);
                    found = line.AddEquipment(code, e.Name, e.Class, now);
                    db.Equipment.Add(found);
                    _equipment[code] = found;
                    Added++;
                }
                else
                {
                    if (found.Class != e.Class)
                        throw new DomainException($"Equipment {code} is a {found.Class}; the class of existing equipment does not change.");
                    Rename(found.Name, e.Name, found.Rename);
                }
                if (e.Settings is { } settings && EquipmentSettingsRules.Apply(found, settings))
                    Changed++;
                // Left out, the address stays; all three ids empty put the equipment back on the default rule.
                if (e.SparkplugAddress is { } given && given.ToAddress() is var address && address != found.SparkplugAddress)
                {
                    SparkplugAddressing.Assign(sites, found, address);
                    Changed++;
                }
                return found;
            });
            if (unit is not null)
                MergeTags(unit, e.Tags ?? [], path);
        }
    }

    private void MergeTags(Equipment equipment, IReadOnlyList<TagModel> tags, string parent)
    {
        var roles = new List<(TagName Name, TagRole Role, string Path)>();
        var metrics = new List<(TagName Name, string? Metric, string Path)>();
        for (var i = 0; i < tags.Count; i++)
        {
            var t = tags[i];
            var path = t.Origin ?? $"{parent}.tags[{i}]";
            Try(path, () =>
            {
                var name = new TagName(t.Name);
                var unit = new UnitOfMeasure(t.Unit);
                var normal = new ValueRange(t.NormalLow, t.NormalHigh);
                var alarm = new ValueRange(t.AlarmLow, t.AlarmHigh);
                var found = equipment.FindTag(name);
                if (found is null)
                {
                    found = equipment.DefineTag(name, t.Description, unit, normal, alarm);
                    db.TagDefinitions.Add(found);
                    Added++;
                }
                else if (found.Description != t.Description || found.Unit != unit || found.NormalRange != normal || found.AlarmLimits != alarm)
                {
                    found.Revise(t.Description, unit, normal, alarm);
                    Changed++;
                }
                roles.Add((name, t.Role, path));
                metrics.Add((name, SparkplugMetricName.Optional(t.SparkplugMetric), path));
                return found;
            });
        }
        // Roles given up first, so a scale weight can move from one tag to another in one file.
        foreach (var (name, role, path) in roles.OrderBy(r => r.Role == TagRole.None ? 0 : 1))
            Try(path, () =>
            {
                if (equipment.FindTag(name)?.Role == role)
                    return name;
                equipment.AssignTagRole(name, role);
                Changed++;
                return name;
            });
        // Metric names given up first too, so one can move from one tag to another in one file.
        foreach (var (name, metric, path) in metrics.OrderBy(m => m.Metric is null ? 0 : 1))
            Try(path, () =>
            {
                if (equipment.FindTag(name) is not { } tag || tag.SparkplugMetric == metric)
                    return name;
                equipment.SetTagSparkplugMetric(name, metric);
                Changed++;
                return name;
            });
    }

    private Site SiteOf(Line line) => sites.First(s => s.Areas.Any(a => a.Id == line.AreaId));

    private void Rename(string current, string wanted, Action<string> rename)
    {
        if (current == wanted)
            return;
        rename(wanted);
        Changed++;
    }

    private T? Try<T>(string path, Func<T> act)
    {
        try
        {
            return act();
        }
        catch (DomainException ex)
        {
            Refuse(path, ex.Message);
            return default;
        }
    }

    public void Refuse(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var list))
            _errors[path] = list = [];
        list.Add(message);
    }
}
