using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Maintenance;

/// <summary>Reads what maintenance must act on for its landing page and API.</summary>
public sealed class MaintenanceOverviewService(IDbContextFactory<MesDbContext> contexts, WorkOrderService workOrders, TimeProvider clock)
{
    /// <summary>How far ahead calibrations show as coming due.</summary>
    public static readonly int LookAheadDays = 7;

    public async Task<MaintenanceOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var units = await db.Equipment.AsNoTracking().Include(e => e.Tags).ToListAsync(cancellationToken);
        units = units.Where(e => !e.IsRetired).OrderBy(e => e.Code.Value).ToList();
        var lines = await db.Lines.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Code.Value, cancellationToken);
        string LineOf(Equipment e) => lines.GetValueOrDefault(e.LineId, "");

        var open = await workOrders.ListAsync(cancellationToken: cancellationToken);
        var down = units.Where(e => e.State == EquipmentState.Down)
            .Select(e => new UnitDown(e.Code.Value, e.Name, LineOf(e), e.StateSince, e.StateReason,
                open.FirstOrDefault(w => w.EquipmentCode == e.Code.Value && w.Kind == WorkOrderKind.Corrective)?.Number))
            .OrderBy(d => d.Since).ToList();

        var toClean = new List<UnitToClean>();
        foreach (var e in units)
        {
            if (e.Status == EquipmentStatus.Dirty)
            {
                var major = e.CleaningMethodShortfall(CleaningMethod.Minor, now) is not null;
                toClean.Add(new UnitToClean(e.Code.Value, e.Name, LineOf(e), e.State, e.DirtySince ?? e.StatusSince, e.LastBatchNumber, e.LastProductCode, major,
                    e.DirtySince is null ? "Never cleaned" : e.LastBatchNumber is null ? "Dirty" : $"Dirty after {e.LastBatchNumber}"));
            }
            else if (e.Status == EquipmentStatus.Clean && e.CleanUntil is { } until && now > until)
            {
                toClean.Add(new UnitToClean(e.Code.Value, e.Name, LineOf(e), e.State, until, e.LastBatchNumber, e.LastProductCode, false, "Clean hold time ended"));
            }
        }

        var awaiting = await db.CleaningRecords.AsNoTracking().Where(c => c.Status == CleaningRecordStatus.AwaitingVerification).ToListAsync(cancellationToken);
        var names = units.ToDictionary(e => e.Id, e => e.Name);
        var toVerify = awaiting.OrderBy(c => c.CleanedAt)
            .Select(c => new CleaningToVerify(c.Id, c.EquipmentCode.Value, names.GetValueOrDefault(c.EquipmentId, ""), c.Method, c.CleaningAgent, c.CleanedAt,
                c.CleanedByName, c.CleanedById))
            .ToList();

        var horizon = today.AddDays(LookAheadDays);
        var calibrations = units
            .Where(e => e.CalibrationFailedOn is not null || e.CalibrationDueOn is null || e.CalibrationDueOn <= horizon)
            .Select(e => new CalibrationDue(e.Code.Value, e.Name, LineOf(e), e.CalibrationDueOn, e.CalibrationFailedOn, e.CalibrationIntervalDays,
                e.CalibrationFailedOn is not null || e.CalibrationDueOn is null || e.CalibrationDueOn < today,
                e.Tags.OrderBy(t => t.Position).Select(t => t.Name.Value).ToList()))
            .OrderBy(c => c.DueOn ?? DateOnly.MinValue)
            .ToList();

        // Work under way first, then what is due soonest; corrective work (something broke) before planned work due the same day.
        var orders = open.OrderBy(w => w.Status is WorkOrderStatus.InProgress or WorkOrderStatus.Completed ? 0 : 1)
            .ThenBy(w => w.DueOn ?? DateOnly.FromDateTime(w.RaisedAt.UtcDateTime))
            .ThenBy(w => w.Kind == WorkOrderKind.Corrective ? 0 : 1)
            .ThenBy(w => w.Number, StringComparer.Ordinal)
            .ToList();
        return new MaintenanceOverview(now, down, toClean.OrderBy(t => t.Since).ToList(), toVerify, calibrations, orders);
    }

    /// <summary>One unit for its care page; null when there is no such equipment.</summary>
    public async Task<UnitCare?> GetUnitAsync(string equipmentCode, CancellationToken cancellationToken = default)
    {
        PlantCode code;
        try
        {
            code = new PlantCode(equipmentCode);
        }
        catch (Domain.Common.DomainException)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var e = await db.Equipment.AsNoTracking().Include(x => x.Tags).SingleOrDefaultAsync(x => x.Code == code, cancellationToken);
        if (e is null)
            return null;
        var now = clock.GetUtcNow();
        var awaiting = (await db.CleaningRecords.AsNoTracking()
                .Where(c => c.EquipmentId == e.Id && c.Status == CleaningRecordStatus.AwaitingVerification).ToListAsync(cancellationToken))
            .OrderBy(c => c.CleanedAt)
            .Select(c => new CleaningToVerify(c.Id, c.EquipmentCode.Value, e.Name, c.Method, c.CleaningAgent, c.CleanedAt, c.CleanedByName, c.CleanedById))
            .ToList();
        return new UnitCare(e.Code.Value, e.Name, e.Class, e.State, e.StatusAt(now), e.StatusSince, e.ReasonsNotUsable(now), e.CleaningRules,
            e.LastBatchNumber, e.LastProductCode, e.DirtySince, e.CleanUntil, e.CleaningMethodShortfall(CleaningMethod.Minor, now) is not null,
            e.CalibrationDueOn, e.LastCalibratedOn, e.CalibrationFailedOn, e.CalibrationIntervalDays,
            e.Tags.OrderBy(t => t.Position).Select(t => t.Name.Value).ToList(), awaiting, now);
    }
}
