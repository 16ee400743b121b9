using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Demo;

/// <summary>
/// The plant as a shift finds it, applied once the demo batches are made on the fit plant: the running
/// batch's equipment in use, what it has finished with cleaned since, and elsewhere a fault, a skid being
/// cleaned, a filler out of calibration. Each state change ends the equipment's open state interval and
/// opens the next, so its history stays continuous.
/// </summary>
internal static class DemoShiftScene
{
    public static async Task ApplyAsync(IDbContextFactory<MesDbContext> contexts, AuditActor actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
        var equipment = (await db.Equipment.ToListAsync(cancellationToken)).ToDictionary(e => e.Code.Value);
        var open = await db.StateIntervals.Where(s => s.EndedAt == null).ToDictionaryAsync(s => s.EquipmentId, cancellationToken);

        void Change(string code, EquipmentState state, DateTimeOffset at, string? reason = null)
        {
            var unit = equipment[code];
            unit.ChangeState(state, at, reason);
            open[unit.Id].End(at);
            var interval = new StateInterval(unit.Id, state, at, reason);
            db.StateIntervals.Add(interval);
            open[unit.Id] = interval;
        }

        var running = await db.Batches.AsNoTracking().Where(b => b.State == BatchState.Running).Select(b => b.Id).ToListAsync(cancellationToken);
        var steps = await db.BatchSteps.AsNoTracking().Where(s => running.Contains(s.BatchId) && s.EquipmentCode != null).ToListAsync(cancellationToken);
        // Cleaned after use, before anything is started again.
        foreach (var step in steps.Where(s => s.State == StepState.Completed))
            DemoPlant.Clean(equipment[step.EquipmentCode!.Value.Value], step.CompletedAt!.Value.AddMinutes(20));
        foreach (var step in steps.Where(s => s.State == StepState.InProgress))
            Change(step.EquipmentCode!.Value.Value, EquipmentState.Running, step.StartedAt!.Value.AddMinutes(5));

        Change("GRAN-01", EquipmentState.Running, now.AddMinutes(-40));
        DemoPlant.Clean(equipment["BR-01"], now.AddDays(-6));
        Change("BR-01", EquipmentState.Running, now.AddDays(-6).AddHours(4));
        equipment["CHROM-01"].MarkDirty(now.AddHours(-2));
        Change("CHROM-01", EquipmentState.Cleaning, now.AddMinutes(-25));
        equipment["CHROM-01"].BeginCleaning(now.AddMinutes(-25));
        Change("BLIS-01", EquipmentState.Down, now.AddMinutes(-12), "Foil web break at the sealing station");
        // Clean and ready but for its calibration, which fell due three days ago.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        DemoPlant.Clean(equipment["FILL-01"], now.AddHours(-6));
        equipment["FILL-01"].RecordCalibration(today.AddYears(-1), today.AddDays(-3));
        await db.SaveChangesAsync(cancellationToken);
    }
}
