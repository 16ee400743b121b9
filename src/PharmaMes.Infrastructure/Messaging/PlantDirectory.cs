using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Plant;

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

    public sealed record Entry(Guid Id, string Code, string Site, string Area, string Line, IReadOnlyDictionary<string, TagDefinition> Tags);

    public sealed record Snapshot(IReadOnlyDictionary<string, Entry> ByCode, DateTimeOffset ReadAt);

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
            var entries = from site in sites
                          from area in site.Areas
                          from line in area.Lines
                          from equipment in line.Equipment
                          select new Entry(equipment.Id, equipment.Code.Value, site.Code.Value, area.Code.Value, line.Code.Value,
                              equipment.Tags.ToDictionary(t => t.Name.Value, StringComparer.Ordinal));
            _snapshot = new Snapshot(entries.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase), clock.GetUtcNow());
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forget the snapshot, e.g. after equipment or tags were added.</summary>
    public void Invalidate() => _snapshot = null;
}
