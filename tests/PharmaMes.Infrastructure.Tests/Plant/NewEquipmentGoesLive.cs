using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Live;
using PharmaMes.Infrastructure.Plant;
using PharmaMes.Infrastructure.Plant.Model;
using PharmaMes.Infrastructure.Tests.Messaging;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;

namespace PharmaMes.Infrastructure.Tests.Plant;

/// <summary>Equipment an engineer adds while the MES runs takes telemetry at once, without a restart.</summary>
public class NewEquipmentGoesLive
{
    [Fact]
    public async Task ADeviceOfEquipmentCreatedAMomentAgoIsAcceptedNotQuarantined()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var device = await live.ConnectAsync();
        // The ingest reads the plant with the first message and keeps it cached.
        await PublishAcceptedAsync(device, $"{TabletPress}/telemetry", TelemetryJson(Now(), "\"speed\":3000"));
        await Eventually.GetAsync(() => live.QueryAsync(db => db.TelemetrySamples.CountAsync()), n => n >= 1);

        var plant = live.Get<PlantEngineeringService>();
        var engineer = new AuditActor(null, "eng.e", "Third tablet press commissioned");
        await plant.AddEquipmentAsync("OSD-L1", "TP-03", "Tablet press 3", EquipmentClass.TabletPress, new EquipmentSettings(null, null, null, null), engineer);
        await plant.DefineTagAsync("TP-03", new TagModel("speed", "Turret speed", "tablets/min", 2000, 4000, 0, 5000), engineer);
        await PublishAcceptedAsync(device, "mes/PLANT1/OSD/OSD-L1/TP-03/telemetry", TelemetryJson(Now(), "\"speed\":3210"));

        var value = await Eventually.GetAsync(
            () => Task.FromResult(live.Get<LivePlant>().Find("TP-03")?.Latest() is { } latest && latest.TryGetValue("speed", out var speed) ? speed.Value : (double?)null),
            v => v is not null);
        Assert.Equal(3210, value);
        Assert.Equal(0, await live.QueryAsync(db => db.QuarantinedMessages.CountAsync()));
    }
}
