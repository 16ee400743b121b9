using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Telemetry;

/// <summary>
/// Reads a tag's history for trends and the API. Ranges are bounded, and long ones come back
/// downsampled to time buckets (average, with the lowest and highest kept so no spike hides).
/// </summary>
public sealed class TelemetryQueryService(IDbContextFactory<MesDbContext> contexts)
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    /// <summary>The times a query may name: no reading is older or newer, and the ends of the calendar break the arithmetic of a range.</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public const int DefaultMaxPoints = 600;

    /// <summary>One tag's readings over a range; null when the equipment or the tag does not exist.</summary>
    public async Task<TelemetrySeries?> GetSeriesAsync(string equipmentCode, string tag, DateTimeOffset from, DateTimeOffset to, int maxPoints = DefaultMaxPoints, CancellationToken cancellationToken = default) =>
        (await ReadAsync(equipmentCode, t => t == tag, from, to, maxPoints, cancellationToken))?.SingleOrDefault();

    /// <summary>Every tag of an equipment over a range, in the tags' order; null when the equipment does not exist.</summary>
    public Task<IReadOnlyList<TelemetrySeries>?> GetAllSeriesAsync(string equipmentCode, DateTimeOffset from, DateTimeOffset to, int maxPoints = DefaultMaxPoints, CancellationToken cancellationToken = default) =>
        ReadAsync(equipmentCode, _ => true, from, to, maxPoints, cancellationToken);

    private async Task<IReadOnlyList<TelemetrySeries>?> ReadAsync(string equipmentCode, Func<string, bool> wanted, DateTimeOffset from, DateTimeOffset to, int maxPoints, CancellationToken cancellationToken)
    {
        if (to <= from)
            throw new DomainException("The end of the range must be after its start.");
        if (to - from > MaxRange)
            throw new DomainException($"A range may span at most {MaxRange.TotalDays:0} days.");
        maxPoints = Math.Clamp(maxPoints, 10, 5_000);

        // One context, the equipment and its series read once, then one range read per tag.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = new PlantCode(equipmentCode);
        var equipment = await db.Equipment.AsNoTracking().Include(e => e.Tags).SingleOrDefaultAsync(e => e.Code == code, cancellationToken);
        if (equipment is null)
            return null;
        var channels = await db.TelemetryChannels.AsNoTracking().Where(c => c.EquipmentId == equipment.Id)
            .ToDictionaryAsync(c => c.Tag, c => c.Id, cancellationToken);
        var series = new List<TelemetrySeries>();
        foreach (var definition in equipment.Tags.Where(t => wanted(t.Name.Value)).OrderBy(t => t.Position))
        {
            // A tag that never reported has no series yet, hence no readings.
            var channel = channels.GetValueOrDefault(definition.Name.Value, -1);
            series.Add(await ReadSeriesAsync(db, equipment, definition, channel, from, to, maxPoints, cancellationToken));
        }
        return series;
    }

    private static async Task<TelemetrySeries> ReadSeriesAsync(MesDbContext db, Equipment equipment, TagDefinition definition, int channel,
        DateTimeOffset from, DateTimeOffset to, int maxPoints, CancellationToken cancellationToken)
    {
        var rows = db.TelemetrySamples.AsNoTracking()
            .Where(s => s.ChannelId == channel && s.Time >= from && s.Time <= to)
            .OrderBy(s => s.Time)
            .Select(s => new { s.Time, s.Value })
            .AsAsyncEnumerable();

        var bucketTicks = Math.Max(1, (to - from).Ticks / maxPoints);
        var raw = new List<TelemetryPoint>();
        var buckets = new SortedDictionary<long, (double Sum, int Count, double Min, double Max)>();
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            count++;
            if (count <= maxPoints)
                raw.Add(new TelemetryPoint(row.Time, row.Value, row.Value, row.Value));
            var bucket = (row.Time - from).Ticks / bucketTicks;
            buckets[bucket] = buckets.TryGetValue(bucket, out var b)
                ? (b.Sum + row.Value, b.Count + 1, Math.Min(b.Min, row.Value), Math.Max(b.Max, row.Value))
                : (row.Value, 1, row.Value, row.Value);
        }
        var downsampled = count > maxPoints;
        var points = downsampled
            ? buckets.Select(b => new TelemetryPoint(from + TimeSpan.FromTicks(b.Key * bucketTicks + bucketTicks / 2), b.Value.Sum / b.Value.Count, b.Value.Min, b.Value.Max)).ToList()
            : raw;
        return new TelemetrySeries(equipment.Code.Value, definition.Name.Value, definition.Description, definition.Unit.Symbol,
            definition.NormalRange.Low, definition.NormalRange.High, definition.AlarmLimits.Low, definition.AlarmLimits.High,
            from, to, count, downsampled, points);
    }
}
