using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Maintenance;

/// <summary>A further kind of record that belongs in the equipment logbook (e.g. maintenance work orders).</summary>
public interface ILogbookSource
{
    LogbookEntryKind Kind { get; }

    Task<IEnumerable<LogbookEntry>> ReadAsync(MesDbContext db, Equipment equipment, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
