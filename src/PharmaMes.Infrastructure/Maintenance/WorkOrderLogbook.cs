using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Maintenance;

/// <summary>Maintenance work orders in the equipment logbook: from when the unit left production (or was raised) to its release.</summary>
internal sealed class WorkOrderLogbook : ILogbookSource
{
    public LogbookEntryKind Kind => LogbookEntryKind.Maintenance;

    public async Task<IEnumerable<LogbookEntry>> ReadAsync(MesDbContext db, Equipment equipment, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var orders = (await db.MaintenanceWorkOrders.AsNoTracking().Where(w => w.EquipmentId == equipment.Id).ToListAsync(cancellationToken))
            .Where(w => At(w) <= to && (w.ReleasedAt ?? w.CancelledAt ?? to) >= from)
            .ToList();
        var signatures = await EquipmentLogbookService.SignaturesAsync(db, WorkOrderService.SubjectType, orders.Select(w => w.Id), cancellationToken);
        return orders.Select(w => new LogbookEntry(At(w), LogbookEntryKind.Maintenance,
            $"{w.Number} {w.Kind.ToString().ToLowerInvariant()} maintenance — {Words(w.Status)}",
            string.Join("; ", new[]
            {
                w.Task,
                w.Cause is null ? null : $"Cause: {w.Cause}",
                w.WorkDone is null ? null : $"Done: {w.WorkDone}",
                w.PartsUsed is null ? null : $"Parts: {w.PartsUsed}",
                w.CompletedByName is null ? null : $"completed by {w.CompletedByName}",
                w.ReleasedByName is null ? null : $"released by {w.ReleasedByName}",
                w.CancelReason is null ? null : $"Cancelled: {w.CancelReason}",
            }.Where(t => t is not null)),
            w.StartedByName ?? w.RaisedByName, w.ReleasedAt ?? w.CancelledAt, null, null,
            EquipmentLogbookService.Views(signatures, w.Id, w.Content())));
    }

    // Work that took the unit out of production is logged from then; work not started, from when it was raised.
    private static DateTimeOffset At(MaintenanceWorkOrder w) => w.StartedAt ?? w.RaisedAt;

    private static string Words(WorkOrderStatus status) => status == WorkOrderStatus.InProgress ? "in progress" : status.ToString().ToLowerInvariant();
}
