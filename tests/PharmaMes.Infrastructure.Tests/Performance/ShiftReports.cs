using Microsoft.EntityFrameworkCore;
using PharmaMes.Infrastructure.Outbox;
using PharmaMes.Infrastructure.Outbox.Events;
using PharmaMes.Infrastructure.Performance;
using static PharmaMes.Infrastructure.Tests.Performance.OeeFromStoredHistory;

namespace PharmaMes.Infrastructure.Tests.Performance;

/// <summary>A shift that has ended goes to the ERP once, with the line's figures and each unit's counts.</summary>
public class ShiftReports
{
    [Fact]
    public async Task AnEndedShiftIsReportedOnceWithItsFigures()
    {
        // 14:30: the early shift (06:00 – 14:00) has ended.
        await using var host = await PlantAsync(withCalendar: true, now: Six.AddHours(8.5));
        var watch = host.Get<OeeWatch>();

        var first = await watch.SweepAsync();
        var again = await watch.SweepAsync();

        Assert.Equal(1, first);
        Assert.Equal(0, again);
        await using var db = host.NewContext();
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Type == ErpMessageType.ShiftPerformance);
        Assert.Equal("Shift:L1:202612070600", message.Aggregate);
        var shift = ErpJson.Deserialize<ShiftPerformance>(message.Payload);
        Assert.Equal(("L1", "Early", Six, Six.AddHours(8)), (shift.Line, shift.Shift, shift.ShiftStart, shift.ShiftEnd));
        // Planned 7.5 h per unit; the press ran 50 minutes, the packer the whole shift.
        Assert.Equal(2 * 7.5 * 3600, shift.PlannedSeconds, 6);
        Assert.Equal(4_000, shift.TotalCount);
        Assert.Equal(["PACKER", "PRESS"], shift.Equipment.Select(u => u.Equipment));
        Assert.Equal(3_800, shift.Equipment.Single(u => u.Equipment == "PRESS").GoodCount);
        Assert.Contains(shift.Losses, l => l.Reason == "Mechanical › Punch breakage" && l.Seconds == 600 && l.Count == 1);
    }

    [Fact]
    public async Task AShiftStillRunningIsNotReportedButTheDaysBeforeAre()
    {
        // 13:00: today's early shift still runs; yesterday's ended within the last day.
        await using var host = await PlantAsync(withCalendar: true, now: Six.AddHours(7));

        Assert.Equal(1, await host.Get<OeeWatch>().SweepAsync());

        await using var db = host.NewContext();
        Assert.Equal(["Shift:L1:202612060600"], await db.OutboxMessages.AsNoTracking().Where(m => m.Type == ErpMessageType.ShiftPerformance)
            .Select(m => m.Aggregate).ToListAsync());
    }

    [Fact]
    public async Task TheSweepKeepsEachUnitsCurrentShiftForTheLiveTiles()
    {
        // 07:00: the early shift's first hour, the hand-computed one.
        await using var host = await PlantAsync(withCalendar: true, now: Six.AddHours(1));

        await host.Get<OeeWatch>().SweepAsync();

        var press = host.Get<CurrentShiftOee>().Find("press");
        Assert.NotNull(press);
        Assert.Equal(("Early", Six), (press.Shift, press.ShiftStart));
        Assert.Equal(0.6333, press.Figures.Oee!.Value, 4);
    }
}
