using System.Text;
using Microsoft.EntityFrameworkCore;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Outbox;
using PharmaMes.Infrastructure.Outbox.Events;
using static PharmaMes.Infrastructure.Tests.Messaging.LiveMesHost;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>A short stop is often over before the ingest writes its batch: the ERP must hear of its end all the same.</summary>
public class DowntimeInOneBatch
{
    [Fact]
    public async Task ADownAndTheFollowingUpInOneBatchBothReachTheErpInOrder()
    {
        await using var mes = await MesTestHost.StartAsync();
        var processor = mes.Get<IngestBatchProcessor>();
        var down = Now().AddMinutes(-2);
        var up = down.AddSeconds(45);

        var result = await processor.ProcessAsync(
        [
            State(down, """{"ts":"%ts%","state":"Down","reason":"Punch breakage"}"""),
            State(up, """{"ts":"%ts%","state":"Idle","reason":"Punch replaced"}"""),
        ], CancellationToken.None);

        Assert.Equal(0, result.Quarantined);

        await using var db = mes.NewContext();
        var messages = await db.OutboxMessages.Where(m => m.Aggregate == "Equipment:TP-01").OrderBy(m => m.Position).ToListAsync();
        Assert.Equal([ErpMessageType.EquipmentDown, ErpMessageType.EquipmentUp], messages.Select(m => m.Type));
        Assert.Equal(down, ErpJson.Deserialize<EquipmentDown>(messages[0].Payload).Since);
        var end = ErpJson.Deserialize<EquipmentUp>(messages[1].Payload);
        Assert.Equal(("Idle", "Punch replaced", down, up, 0.75), (end.State, end.Reason, end.DownSince, end.UpAt, end.DowntimeMinutes));
    }

    private static ReceivedMessage State(DateTimeOffset at, string json) =>
        new($"{TabletPress}/state", Encoding.UTF8.GetBytes(json.Replace("%ts%", Ts(at))), at, _ => Task.CompletedTask);
}
