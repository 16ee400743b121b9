using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Alerts;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Alerts;
using PharmaMes.Infrastructure.Live;

namespace PharmaMes.Infrastructure.Tests.Alerts;

/// <summary>An alert whose condition ended is announced as cleared, and stays for people to acknowledge.</summary>
public class AlertClearingAnnouncements
{
    [Fact]
    public async Task ADownAlertOfAUnitThatIsUpAgainIsClearedAnnouncedAndStillShown()
    {
        await using var host = await MesTestHost.StartAsync();
        Alert alert;
        await using (var db = host.NewContext())
        {
            var unit = (await db.Equipment.AsNoTracking().ToListAsync()).First(e => e.State != EquipmentState.Down);
            alert = new Alert(AlertKind.EquipmentDown, unit.Code.Value, $"{unit.Code} is Down: Motor overload trip", unit.StateSince.AddMinutes(-5));
            db.Alerts.Add(alert);
            await db.SaveChangesAsync();
        }
        var heard = new List<AlertCleared>();
        using var subscription = host.Get<LiveEvents>().Subscribe<AlertCleared>(heard.Add);

        Assert.True(await host.Get<AlertClearing>().SweepAsync() >= 1);

        var cleared = Assert.Single(heard, c => c.Id == alert.Id);
        Assert.Equal((AlertKind.EquipmentDown, AlarmState.ClearedUnacknowledged), (cleared.Kind, cleared.State));
        var shown = (await host.Get<AlertQueries>().ListAsync(kinds: AlertQueries.EquipmentKinds)).Single(a => a.Id == alert.Id);
        Assert.Equal((AlarmState.ClearedUnacknowledged, cleared.ClearedAt), (shown.State, shown.ClearedAt));
    }
}
