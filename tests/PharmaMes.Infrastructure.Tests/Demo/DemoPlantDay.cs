using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Demo;
using PharmaMes.Infrastructure.Materials;
using PharmaMes.Infrastructure.Production;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Demo;

/// <summary>
/// A simulated day of the demo plant: a batch every two hours dirties the dispensing booth and the dryer,
/// the demo crew tends the plant every five minutes (cleaning, calibration, the preventive work order due),
/// and no batch ever finds its equipment unusable.
/// </summary>
public class DemoPlantDay
{
    [Fact]
    public async Task ADayOfBatchesAndTheCrewLeavesNoUnitJammed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await MesTestHost.StartAsync(demo: true, clock: clock);
        var crew = ActivatorUtilities.CreateInstance<DemoMaintenanceCrew>(host.Services);
        var execution = host.Get<BatchExecutionService>();
        var (operatorUser, supervisor) = (await PersonAsync(host, "operator"), await PersonAsync(host, "supervisor"));
        // The demo week used up the released paracetamol: QA releases the lot waiting in Quarantine.
        await host.Get<LotDispositionService>().ReleaseAsync("PARA-24-0121", Credentials("qa"), await PersonAsync(host, "qa"));
        var blocked = new List<string>();
        var batches = 0;

        for (var minute = 0; minute < 24 * 60; minute += 5)
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            await crew.TendAsync();
            if (minute % 120 != 60)
                continue;
            // A batch an hour into every two: by then the crew has had its chance at what the last one dirtied.
            var number = await NewBatchAsync(host);
            await execution.StartAsync(number, operatorUser);
            foreach (var (step, unit) in new[] { (1, "DISP-01"), (2, "FBD-01") })
            {
                var choice = (await execution.EquipmentChoicesAsync(number, step)).Single(c => c.Code == unit);
                if (!choice.IsUsable)
                {
                    blocked.Add($"{clock.GetUtcNow():HH:mm} {unit}: {string.Join(", ", choice.Blocked)}");
                    break;
                }
                await execution.StartStepAsync(number, step, unit, operatorUser);
                if (step == 1)
                    await execution.DispenseAsync(number, 1, "API-PARA", "PARA-24-0121", 5.0m, operatorUser);
                else
                {
                    await execution.RecordValueAsync(number, 2, "Inlet air temperature", 60, operatorUser);
                    await execution.RecordValueAsync(number, 2, "Loss on drying", 1.2, operatorUser);
                }
                await execution.CompleteStepAsync(number, step, Credentials("operator"), operatorUser);
                if (step == 1)
                    await execution.VerifyStepAsync(number, 1, Credentials("supervisor"), supervisor);
            }
            await execution.CompleteAsync(number, 9_950m, operatorUser);
            batches++;
        }

        Assert.Empty(blocked);
        Assert.Equal(12, batches);
        await using var db = host.NewContext();
        var now = clock.GetUtcNow();
        var units = await db.Equipment.AsNoTracking().ToListAsync();
        // Nothing stands dirty, uncleaned or uncalibrated for longer than the crew takes to react.
        Assert.All(units, u => Assert.True(
            u.Status is EquipmentStatus.Clean or EquipmentStatus.InUse
                || now - u.StatusSince <= 2 * DemoMaintenanceCrew.Reaction + TimeSpan.FromMinutes(5),
            $"{u.Code} is {u.Status} since {u.StatusSince:u}"));
        Assert.All(units, u => Assert.True(u.IsCalibratedOn(DateOnly.FromDateTime(now.UtcDateTime)) && u.CalibrationFailedOn is null, $"{u.Code} is not calibrated"));
        var boothCleanings = await db.CleaningRecords.CountAsync(c => c.EquipmentCode == new PlantCode("DISP-01") && c.Status == CleaningRecordStatus.Verified);
        Assert.True(boothCleanings >= 12, $"DISP-01 was cleaned and verified {boothCleanings} times for 12 batches");
        Assert.True(await db.CalibrationRecords.AnyAsync(c => c.EquipmentCode == new PlantCode("FILL-01") && c.Passed), "FILL-01's overdue calibration was not done");
        // The preventive work order due on the first day was raised, worked and released, and its schedule moved on.
        var coater = await db.MaintenanceWorkOrders.AsNoTracking().SingleAsync(w => w.EquipmentCode == new PlantCode("COAT-01") && w.Kind == WorkOrderKind.Preventive);
        Assert.Equal(WorkOrderStatus.Released, coater.Status);
        var plan = await db.MaintenancePlans.AsNoTracking().SingleAsync(p => p.Id == coater.PlanId);
        Assert.Equal(DateOnly.FromDateTime(coater.ReleasedAt!.Value.UtcDateTime).AddDays(plan.IntervalDays), plan.NextDueOn);
    }
}
