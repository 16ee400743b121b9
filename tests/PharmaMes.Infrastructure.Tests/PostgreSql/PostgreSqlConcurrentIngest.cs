using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Messaging;

namespace PharmaMes.Infrastructure.Tests.PostgreSql;

/// <summary>
/// Two ingest nodes sharing a subscription may each get a state message of one equipment at the same moment: on one
/// database they must still leave one history, with one open state interval.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public class PostgreSqlConcurrentIngest(PostgreSqlFixture postgres)
{
    private const string Topic = "mes/PLANT1/OSD/OSD-L1/TP-02/state";

    [Fact]
    public async Task TwoBatchesChangingOneEquipmentAtOnceLeaveOneOpenIntervalAndNoOverlap()
    {
        await using var host = await MesTestHost.StartAsync(demo: true, settings: await postgres.NewDatabaseAsync());
        var processor = host.Get<IngestBatchProcessor>();
        var equipmentId = await EquipmentIdAsync(host, "TP-02");
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);

        // Each round two batches, as two nodes would store them side by side, report the same new state a moment apart.
        for (var round = 0; round < 12; round++)
        {
            var state = round % 2 == 0 ? "Down" : "Idle";
            var at = start.AddSeconds(round * 10);
            await Task.WhenAll(
                Task.Run(() => processor.ProcessAsync([Message(state, at, "node A")], CancellationToken.None)),
                Task.Run(() => processor.ProcessAsync([Message(state, at.AddMilliseconds(500), "node B")], CancellationToken.None)));

            await using var db = host.NewContext();
            var intervals = await db.StateIntervals.AsNoTracking().Where(i => i.EquipmentId == equipmentId).OrderBy(i => i.StartedAt).ToListAsync();
            Assert.Single(intervals, i => i.IsOpen);
            // One history: each interval ends where the next starts.
            for (var i = 1; i < intervals.Count; i++)
                Assert.Equal(intervals[i].StartedAt, intervals[i - 1].EndedAt);
        }
        await using (var db = host.NewContext())
            Assert.Equal(EquipmentState.Idle, (await db.Equipment.AsNoTracking().SingleAsync(e => e.Id == equipmentId)).State);
    }

    private static ReceivedMessage Message(string state, DateTimeOffset at, string reason) =>
        new(Topic, Encoding.UTF8.GetBytes(
                $"{{\"ts\":\"{at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}\",\"state\":\"{state}\",\"reason\":\"{reason}\"}}"),
            DateTimeOffset.UtcNow, _ => Task.CompletedTask);

    private static async Task<Guid> EquipmentIdAsync(MesTestHost host, string code)
    {
        await using var db = host.NewContext();
        return (await db.Equipment.AsNoTracking().ToListAsync()).Single(e => e.Code.Value == code).Id;
    }
}
