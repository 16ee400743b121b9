using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Production;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Production;

/// <summary>A weighing on DISP-01's scale keeps its gross, tare and stability in the record.</summary>
public class ScaleDispensing
{
    [Fact]
    public async Task TheRecordKeepsGrossTareNetAndStabilityAndANetThatIsNotTheirDifferenceIsRefused()
    {
        await using var host = await MesTestHost.StartAsync();
        var operatorUser = await PersonAsync(host, "operator");
        var execution = host.Get<BatchExecutionService>();
        var number = await NewBatchAsync(host);
        await execution.StartAsync(number, operatorUser);
        await execution.StartStepAsync(number, 1, "DISP-01", operatorUser);

        var mismatch = await Assert.ThrowsAsync<DomainException>(() => execution.DispenseAsync(number, 1, "API-PARA", "PARA-24-0117", 5.1m, null, null,
            new ScaleWeighing(5.263m, 0.25m, true), operatorUser));
        var outcome = await execution.DispenseAsync(number, 1, "API-PARA", "PARA-24-0117", 5.013m, null, null, new ScaleWeighing(5.263m, 0.25m, true), operatorUser);

        Assert.Contains("not the scale's net weight 5.013", mismatch.Message);
        await using var db = host.NewContext();
        var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Number == new BatchNumber(number));
        var entry = await db.BatchRecordEntries.AsNoTracking().SingleAsync(e => e.BatchId == batch.Id && e.Sequence == outcome.EntrySequence);
        Assert.Equal(BatchRecordEntryKind.MaterialDispensed, entry.Kind);
        Assert.Equal(5.013m, entry.Amount);
        Assert.Contains("weighed on the DISP-01 scale", entry.Text);
        Assert.Contains("gross 5.263, tare 0.25, net 5.013, stable", entry.Text);
    }
}
