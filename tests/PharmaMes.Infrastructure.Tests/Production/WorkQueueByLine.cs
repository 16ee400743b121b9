using PharmaMes.Infrastructure.Production;

namespace PharmaMes.Infrastructure.Tests.Production;

/// <summary>The work queue of a terminal at a line, over the demo plant: tablet batch work on the tablet line only.</summary>
public class WorkQueueByLine
{
    [Fact]
    public async Task ATerminalSeesTheWorkOfItsOwnLineAndEveryLineSeesAll()
    {
        await using var host = await MesTestHost.StartAsync();
        var queues = host.Get<WorkQueueService>();

        var everywhere = await queues.GetAsync(null);
        var tablets = await queues.GetAsync("OSD-L1");
        var biologics = await queues.GetAsync("BIO-L1");

        // The demo's running tablet batch compresses on TP-01, on tablet line 1.
        var compressing = Assert.Single(everywhere.ToDo, i => i.EquipmentCode == "TP-01");
        Assert.Contains(tablets.ToDo, i => i.BatchNumber == compressing.BatchNumber);
        Assert.DoesNotContain(biologics.ToDo, i => i.BatchNumber == compressing.BatchNumber);
        Assert.Equal("OSD-L1", tablets.Line);
        Assert.Equal(["BIO-L1", "FILL-L1", "OSD-L1"], everywhere.Lines.Select(l => l.Code).Order(StringComparer.Ordinal));
    }
}
