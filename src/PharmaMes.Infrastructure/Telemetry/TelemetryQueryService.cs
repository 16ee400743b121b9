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
    public const int DefaultMaxPoints = 600;

    public async Task<TelemetrySeries?> GetSeriesAsync(string equipmentCode, string tag, DateTimeOffset from, DateTimeOffset to, int maxPoints = DefaultMaxPoints, CancellationToken cancellationToken = default)
    {
        if (to <= from)
            throw new DomainException("The end of the range must be after its start.");
        if (to - from > MaxRange)
            throw new DomainException($"A range may span at most {MaxRange.TotalDays:0} days.");
        maxPoints = Math.Clamp(maxPoints, 10, 5_000);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = new PlantCode(equipmentCode);
        var equipment = await db.Equipment.AsNoTracking().Include(e => e.Tags).SingleOrDefaultAsync(e => e.Code == code, cancellationToken);
        var definition = equipment?.Tags.FirstOrDefault(t => t.Name.Value == tag);
        if (equipment is null || definition is null)
            return null;

        var channel = await db.TelemetryChannels.Where(c => c.EquipmentId == equipment.Id && c.Tag == tag)
            .Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken) ?? -1; // no series yet: no readings
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
        return new TelemetrySeries(equipment.Code.Value, tag, definition.Description, definition.Unit.Symbol,
            definition.NormalRange.Low, definition.NormalRange.High, definition.AlarmLimits.Low, definition.AlarmLimits.High,
            from, to, count, downsampled, points);
    }
}
