using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Maintenance;
using PharmaMes.Infrastructure.Tests.Messaging;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Maintenance;

/// <summary>The equipment logbook of a unit whose device reports its states over a real broker, read by kind and period.</summary>
public class EquipmentLogbookReading
{
    [Fact]
    public async Task AStateTheDeviceReportsIsListedWithItsReasonBeforeTheSignedCalibrationAfterItAndOnlyInItsPeriod()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var device = await live.ConnectAsync();
        var downAt = Now().AddSeconds(-5);
        await PublishAcceptedAsync(device, $"{TabletPress}/state", $$"""{"ts":"{{Ts(downAt)}}","state":"Down","reason":"Punch tip broken at station 12"}""");
        await Eventually.GetAsync(() => live.QueryAsync(db => db.Equipment.Where(e => e.Code == new PlantCode("TP-01")).Select(e => e.State).SingleAsync()),
            state => state == EquipmentState.Down);
        var today = DateOnly.FromDateTime(Now().UtcDateTime);
        await live.Get<CalibrationService>().RecordAsync("TP-01",
            new CalibrationEntry("compression_force", "Load cell LC-50", "DAkkS D-K-15141 2026-02", "20.3 kN at 20 kN", "20.0 kN at 20 kN", true, today, today.AddDays(365), null),
            Credentials("maintenance"), await PersonAsync(live.Mes, "maintenance"));
        var logbooks = live.Get<EquipmentLogbookService>();
        var until = Now().AddMinutes(1);

        var book = (await logbooks.GetAsync("TP-01", downAt.AddSeconds(-1), until, new HashSet<LogbookEntryKind> { LogbookEntryKind.StateChange, LogbookEntryKind.Calibration }))!;
        var calibrationsOnly = (await logbooks.GetAsync("TP-01", downAt.AddSeconds(-1), until, new HashSet<LogbookEntryKind> { LogbookEntryKind.Calibration }))!;
        var before = (await logbooks.GetAsync("TP-01", downAt.AddMinutes(-10), downAt.AddSeconds(-1), new HashSet<LogbookEntryKind> { LogbookEntryKind.StateChange }))!;

        var down = book.Entries.Single(e => e.Kind == LogbookEntryKind.StateChange && e.At == downAt);
        Assert.Equal(("State Down", "Punch tip broken at station 12", "device"), (down.Title, down.Detail, down.By));
        var calibration = Assert.Single(book.Entries, e => e.Kind == LogbookEntryKind.Calibration);
        Assert.True(Assert.Single(calibration.Signatures!).IsValid);
        Assert.Equal(book.Entries.OrderBy(e => e.At), book.Entries);
        Assert.All(calibrationsOnly.Entries, e => Assert.Equal(LogbookEntryKind.Calibration, e.Kind));
        Assert.Single(calibrationsOnly.Entries);
        Assert.DoesNotContain(before.Entries, e => e.At == downAt);
    }
}
