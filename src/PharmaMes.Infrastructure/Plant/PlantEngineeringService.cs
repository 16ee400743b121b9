using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Plant.Model;

namespace PharmaMes.Infrastructure.Plant;

/// <summary>
/// Engineers build and correct the plant: sites, areas, lines, equipment and tags, one use case per
/// method, one save each. Every change is audited and needs a reason. Codes never change once
/// given: devices publish under them and records cite them. Nothing is deleted; equipment is retired.
/// After each commit the ingest and the live cache learn the new plant (see <see cref="PlantModelWatch"/>).
/// </summary>
public sealed class PlantEngineeringService(IDbContextFactory<MesDbContext> contexts, TimeProvider clock)
{
    public const string ReasonRequired = "Give the reason for this plant change: it goes into the audit trail.";

    /// <summary>The whole plant, read-only, ordered by code.</summary>
    public async Task<PlantModel> ExportAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sites = await db.Sites.WholePlant().ToListAsync(cancellationToken);
        return PlantModelExport.From(sites);
    }

    public Task AddSiteAsync(string code, string name, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, (db, sites) =>
        {
            var siteCode = new PlantCode(code);
            if (sites.Any(s => s.Code == siteCode))
                throw new DomainException($"There is a site {siteCode} already.");
            db.Sites.Add(new Site(siteCode, name));
        }, cancellationToken);

    public Task AddAreaAsync(string siteCode, string code, string name, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, (db, sites) => db.Areas.Add(SiteOf(sites, siteCode).AddArea(new PlantCode(code), name)), cancellationToken);

    public Task AddLineAsync(string siteCode, string areaCode, string code, string name, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, (db, sites) =>
        {
            var lineCode = new PlantCode(code);
            if (AllLines(sites).Any(l => l.Code == lineCode))
                throw new DomainException($"There is a line {lineCode} already; line codes are unique in the plant.");
            var site = SiteOf(sites, siteCode);
            var area = site.Areas.FirstOrDefault(a => a.Code == new PlantCode(areaCode))
                ?? throw new DomainException($"Site {site.Code} has no area {areaCode}.");
            db.Lines.Add(area.AddLine(lineCode, name));
        }, cancellationToken);

    public Task AddEquipmentAsync(string lineCode, string code, string name, EquipmentClass equipmentClass, EquipmentSettings settings, AuditActor actor,
        CancellationToken cancellationToken = default) =>
        AddEquipmentAsync(lineCode, code, name, equipmentClass, settings, null, actor, cancellationToken);

    /// <param name="sparkplugAddress">Where its Sparkplug device publishes, if not at site/line/equipment code; null for that default.</param>
    public Task AddEquipmentAsync(string lineCode, string code, string name, EquipmentClass equipmentClass, EquipmentSettings settings,
        SparkplugAddress? sparkplugAddress, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, (db, sites) =>
        {
            var equipmentCode = new PlantCode(code);
            if (AllLines(sites).SelectMany(l => l.Equipment).Any(e => e.Code == equipmentCode))
                throw new DomainException($"There is equipment {equipmentCode} already; equipment codes are unique in the plant.");
            var line = LineOf(sites, lineCode);
            var site = sites.First(s => s.Areas.Any(a => a.Id == line.AreaId));
            SparkplugAddressing.EnsureDefaultFree(sites, site.Code, line.Code, equipmentCode);
            var equipment = line.AddEquipment(equipmentCode, name, equipmentClass, clock.GetUtcNow());
            EquipmentSettingsRules.Apply(equipment, settings);
            SparkplugAddressing.Assign(sites, equipment, sparkplugAddress);
            db.Equipment.Add(equipment);
        }, cancellationToken);

    /// <summary>Corrects the name of a site, area, line or equipment, found by its code; the code stays.</summary>
    public Task RenameAsync(PlantLevel level, string code, string name, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, (_, sites) =>
        {
            switch (level)
            {
                case PlantLevel.Site: SiteOf(sites, code).Rename(name); break;
                case PlantLevel.Area:
                    var areas = sites.SelectMany(s => s.Areas).Where(a => a.Code == new PlantCode(code)).ToList();
                    if (areas.Count != 1)
                        throw new DomainException(areas.Count == 0 ? $"There is no area {code}." : $"Several sites have an area {code}: rename it from its site.");
                    areas[0].Rename(name);
                    break;
                case PlantLevel.Line: LineOf(sites, code).Rename(name); break;
                case PlantLevel.Equipment: EquipmentOf(sites, code).Rename(name); break;
            }
        }, cancellationToken);

    public Task ChangeEquipmentSettingsAsync(string equipmentCode, EquipmentSettings settings, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, (_, sites) => EquipmentSettingsRules.Apply(EquipmentOf(sites, equipmentCode), settings), cancellationToken);

    /// <summary>The settings and the Sparkplug address of an equipment, in one change; a null address puts it back on the default rule.</summary>
    public Task ChangeEquipmentSettingsAsync(string equipmentCode, EquipmentSettings settings, SparkplugAddress? sparkplugAddress, AuditActor actor,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, (_, sites) =>
        {
            var equipment = EquipmentOf(sites, equipmentCode);
            EquipmentSettingsRules.Apply(equipment, settings);
            SparkplugAddressing.Assign(sites, equipment, sparkplugAddress);
        }, cancellationToken);

    /// <summary>
    /// Takes an equipment out of service for good: refused for every new batch, kept in every record.
    /// The reason given is both the audit reason and the retirement reason on the unit.
    /// </summary>
    public Task RetireAsync(string equipmentCode, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, (_, sites) =>
        {
            var equipment = EquipmentOf(sites, equipmentCode);
            if (equipment.IsRetired)
                throw new DomainException($"Equipment {equipment.Code} was retired on {equipment.RetiredAt:yyyy-MM-dd}.");
            if (equipment.Status == EquipmentStatus.InUse)
                throw new DomainException($"Equipment {equipment.Code} is in use by batch {equipment.LastBatchNumber}; retire it once that step is complete.");
            equipment.Retire(actor.Reason!, clock.GetUtcNow(), actor.Name);
        }, cancellationToken);

    public Task DefineTagAsync(string equipmentCode, TagModel tag, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, (db, sites) =>
        {
            var equipment = EquipmentOf(sites, equipmentCode);
            var name = new TagName(tag.Name);
            db.TagDefinitions.Add(equipment.DefineTag(name, tag.Description, new UnitOfMeasure(tag.Unit),
                new ValueRange(tag.NormalLow, tag.NormalHigh), new ValueRange(tag.AlarmLow, tag.AlarmHigh)));
            if (tag.Role != TagRole.None)
                equipment.AssignTagRole(name, tag.Role);
            if (tag.SparkplugMetric is not null)
                equipment.SetTagSparkplugMetric(name, tag.SparkplugMetric);
        }, cancellationToken);

    /// <summary>
    /// Corrects a tag's description, unit, ranges, role and Sparkplug metric name (null: the tag's name);
    /// its name is what devices send and stays.
    /// </summary>
    public Task ReviseTagAsync(string equipmentCode, TagModel tag, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, (_, sites) =>
        {
            var equipment = EquipmentOf(sites, equipmentCode);
            var name = new TagName(tag.Name);
            var found = equipment.FindTag(name) ?? throw new DomainException($"Equipment {equipment.Code} has no tag named '{name}'.");
            found.Revise(tag.Description, new UnitOfMeasure(tag.Unit), new ValueRange(tag.NormalLow, tag.NormalHigh), new ValueRange(tag.AlarmLow, tag.AlarmHigh));
            equipment.AssignTagRole(name, tag.Role);
            equipment.SetTagSparkplugMetric(name, tag.SparkplugMetric);
        }, cancellationToken);

    /// <summary>
    /// Brings a whole described plant in, in one transaction: adds and corrects, never deletes.
    /// With any error, nothing is saved and every error is named by its node.
    /// </summary>
    /// <param name="readErrors">What reading the file already found wrong; reported with the domain's findings, all at once.</param>
    public async Task<PlantImportResult> ImportAsync(PlantModel model, AuditActor actor, IReadOnlyDictionary<string, string[]>? readErrors = null,
        CancellationToken cancellationToken = default)
    {
        RequireReason(actor);
        await using var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
        var merge = new PlantModelMerge(db, await PlantModelMerge.LoadAsync(db, cancellationToken), clock.GetUtcNow());
        foreach (var (path, messages) in readErrors ?? new Dictionary<string, string[]>())
            foreach (var message in messages)
                merge.Refuse(path, message);
        merge.Merge(model);
        if (merge.Errors.Count > 0)
            return PlantImportResult.Refused(merge.Errors);
        await db.SaveChangesAsync(cancellationToken);
        return new PlantImportResult(merge.Errors, merge.Added, merge.Changed, merge.EquipmentNotSeen);
    }

    /// <summary>The one way a plant change is made: a reason, the tracked plant, the domain's rules, one save.</summary>
    private async Task ChangeAsync(AuditActor actor, Action<MesDbContext, List<Site>> change, CancellationToken cancellationToken)
    {
        RequireReason(actor);
        await using var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
        change(db, await PlantModelMerge.LoadAsync(db, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void RequireReason(AuditActor actor)
    {
        if (string.IsNullOrWhiteSpace(actor.Reason))
            throw new DomainException(ReasonRequired);
    }

    private static IEnumerable<Line> AllLines(List<Site> sites) => sites.SelectMany(s => s.Areas).SelectMany(a => a.Lines);

    private static Site SiteOf(List<Site> sites, string code) =>
        sites.FirstOrDefault(s => s.Code == new PlantCode(code)) ?? throw new DomainException($"There is no site {code}.");

    private static Line LineOf(List<Site> sites, string code) =>
        AllLines(sites).FirstOrDefault(l => l.Code == new PlantCode(code)) ?? throw new DomainException($"There is no line {code}.");

    private static Equipment EquipmentOf(List<Site> sites, string code) =>
        AllLines(sites).SelectMany(l => l.Equipment).FirstOrDefault(e => e.Code == new PlantCode(code))
        ?? throw new DomainException($"There is no equipment {code}.");
}
