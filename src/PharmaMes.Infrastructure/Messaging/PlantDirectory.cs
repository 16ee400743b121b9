using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Plant;
using PharmaMes.Infrastructure.Telemetry;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// The equipment the pipeline knows, by code, with where it sits and its tags: read once and
/// refreshed every half minute (equipment and tags change rarely; messages arrive thousands a second).
/// </summary>
public sealed class PlantDirectory(IDbContextFactory<MesDbContext> contexts, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _snapshot;

    /// <param name="Channels">The stored series of each tag, by tag name.</param>
    /// <param name="SparkplugAddress">The explicit Sparkplug address of the equipment; null for the default rule (site, line, equipment code).</param>
    public sealed record Entry(Guid Id, string Code, string Site, string Area, string Line, IReadOnlyDictionary<string, TagDefinition> Tags,
        IReadOnlyDictionary<string, int> Channels, SparkplugAddress? SparkplugAddress = null)
    {
        private readonly Dictionary<string, string> _byMetric = Tags.Values.Where(t => t.SparkplugMetric is not null)
            .GroupBy(t => t.SparkplugMetric!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name.Value, StringComparer.Ordinal);

        /// <summary>The tag a Sparkplug metric is: the tag given that metric name, else the tag of that name; null for none.</summary>
        public string? TagOfMetric(string metric) =>
            _byMetric.GetValueOrDefault(metric) ?? (Tags.ContainsKey(metric) ? metric : null);
    }

    /// <param name="BySparkplugAddress">The equipment with an explicit Sparkplug address, by "group/edge node/device" (without regard to case).</param>
    public sealed record Snapshot(IReadOnlyDictionary<string, Entry> ByCode, DateTimeOffset ReadAt, IReadOnlyDictionary<string, Entry>? BySparkplugAddress = null);

    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        var current = _snapshot;
        if (current is not null && clock.GetUtcNow() - current.ReadAt < MaxAge)
            return current;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is not null && clock.GetUtcNow() - _snapshot.ReadAt < MaxAge)
                return _snapshot;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var sites = await db.Sites.WholePlant()
                .ToListAsync(cancellationToken);
            var channels = await EnsureChannelsAsync(db, sites, cancellationToken);
            var entries = from site in sites
                          from area in site.Areas
                          from line in area.Lines
                          from equipment in line.Equipment
                          select new Entry(equipment.Id, equipment.Code.Value, site.Code.Value, area.Code.Value, line.Code.Value,
                              equipment.Tags.ToDictionary(t => t.Name.Value, StringComparer.Ordinal),
                              equipment.Tags.ToDictionary(t => t.Name.Value, t => channels[(equipment.Id, t.Name.Value)], StringComparer.Ordinal),
                              equipment.SparkplugAddress);
            var all = entries.ToList();
            _snapshot = new Snapshot(all.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase), clock.GetUtcNow(),
                // The plant model keeps addresses unique; should two rows ever share one, the first keeps it rather than the ingest failing.
                all.Where(e => e.SparkplugAddress is not null).GroupBy(e => e.SparkplugAddress!.ToString(), StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every tag gets its series the first time the pipeline sees the plant with it.</summary>
    private static async Task<Dictionary<(Guid, string), int>> EnsureChannelsAsync(MesDbContext db, List<Site> sites, CancellationToken cancellationToken)
    {
        var existing = await db.TelemetryChannels.AsNoTracking().ToDictionaryAsync(c => (c.EquipmentId, c.Tag), c => c.Id, cancellationToken);
        var missing = (from site in sites
                       from area in site.Areas
                       from line in area.Lines
                       from equipment in line.Equipment
                       from tag in equipment.Tags
                       where !existing.ContainsKey((equipment.Id, tag.Name.Value))
                       select new TelemetryChannel { EquipmentId = equipment.Id, Tag = tag.Name.Value }).ToList();
        if (missing.Count == 0)
            return existing;
        db.TelemetryChannels.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var channel in missing)
            existing[(channel.EquipmentId, channel.Tag)] = channel.Id;
        return existing;
    }

    /// <summary>Forget the snapshot, e.g. after equipment or tags were added.</summary>
    public void Invalidate() => _snapshot = null;
}
