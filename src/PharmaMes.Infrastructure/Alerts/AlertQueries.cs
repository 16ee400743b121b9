using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Alerts;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Alerts;

/// <summary>The alerts people must see (ISA-18.2: everything not yet back to Normal), newest first.</summary>
public sealed class AlertQueries(IDbContextFactory<MesDbContext> contexts)
{
    public const int DefaultMax = 200;

    /// <summary>The equipment alerts: a unit Down, a value past its alarm limit.</summary>
    public static readonly IReadOnlyList<AlertKind> EquipmentKinds = [AlertKind.EquipmentDown, AlertKind.Excursion];

    /// <summary>
    /// Alerts that are active or cleared but unacknowledged, newest first; of one state when given (Normal gives the
    /// history), of the given kinds and of one source (equipment or material code) when given.
    /// </summary>
    public async Task<IReadOnlyList<AlertView>> ListAsync(AlarmState? state = null, IReadOnlyCollection<AlertKind>? kinds = null, string? source = null,
        int max = DefaultMax, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Alerts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(source))
        {
            var code = source.Trim().ToUpperInvariant();
            query = query.Where(a => a.Source == code);
        }
        if (kinds is { Count: > 0 })
            query = query.Where(a => kinds.Contains(a.Kind));
        query = state switch
        {
            AlarmState.ActiveUnacknowledged => query.Where(a => a.ClearedAt == null && a.AcknowledgedAt == null),
            AlarmState.ActiveAcknowledged => query.Where(a => a.ClearedAt == null && a.AcknowledgedAt != null),
            AlarmState.ClearedUnacknowledged => query.Where(a => a.ClearedAt != null && a.AcknowledgedAt == null),
            AlarmState.Normal => query.Where(a => a.ClearedAt != null && a.AcknowledgedAt != null),
            _ => query.Where(a => a.ClearedAt == null || a.AcknowledgedAt == null),
        };
        var alerts = await query.OrderByDescending(a => a.RaisedAt).Take(Math.Clamp(max, 1, 1000)).ToListAsync(cancellationToken);
        return alerts.Select(AlertView.Of).ToList();
    }

    public async Task<AlertView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is { } alert ? AlertView.Of(alert) : null;
    }
}
