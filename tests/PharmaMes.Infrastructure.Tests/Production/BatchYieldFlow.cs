using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Production;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Production;

/// <summary>What a batch made, from the line's counters or the operator's count, becomes its Quarantine lot when it completes.</summary>
public class BatchYieldFlow
{
    /// <summary>Runs the test recipe to its last step, with the dryer's counters reporting the given good counts while step 2 runs.</summary>
    private static async Task<string> RunWithCountsAsync(MesTestHost host, params long[] goodCounts)
    {
        var (operatorUser, supervisor) = (await PersonAsync(host, "operator"), await PersonAsync(host, "supervisor"));
        var execution = host.Get<BatchExecutionService>();
        var number = await NewBatchAsync(host);
        await execution.StartAsync(number, operatorUser);
        await execution.StartStepAsync(number, 1, "DISP-01", operatorUser);
        await execution.DispenseAsync(number, 1, "API-PARA", "PARA-24-0117", 5m, operatorUser);
        await execution.CompleteStepAsync(number, 1, Credentials("operator"), operatorUser);
        await execution.VerifyStepAsync(number, 1, Credentials("supervisor"), supervisor);
        await execution.StartStepAsync(number, 2, "FBD-01", operatorUser);
        await using (var db = host.NewContext(AuditActor.System("test device", "Counter reports")))
        {
            var dryer = await db.Equipment.SingleAsync(e => e.Code == new PlantCode("FBD-01"));
            var at = host.Get<TimeProvider>().GetUtcNow();
            db.ProductionCounts.Add(dryer.RecordCounters(new CounterReading(1_000, 5, at.AddSeconds(-1))));
            var total = 1_000L;
            foreach (var good in goodCounts)
            {
                total += good;
                db.ProductionCounts.Add(dryer.RecordCounters(new CounterReading(total, 5, at)));
            }
            await db.SaveChangesAsync();
        }
        await execution.RecordValueAsync(number, 2, "Inlet air temperature", 60, operatorUser);
        await execution.RecordValueAsync(number, 2, "Loss on drying", 1.2, operatorUser);
        await execution.CompleteStepAsync(number, 2, Credentials("operator"), operatorUser);
        return number;
    }

    [Fact]
    public async Task ABatchThatCounted57600GoodTabletsYieldsA57600TabletQuarantineLot()
    {
        await using var host = await MesTestHost.StartAsync();
        var number = await RunWithCountsAsync(host, 20_000, 37_600);
        var execution = host.Get<BatchExecutionService>();

        Assert.Equal(57_600, await execution.LineGoodCountAsync(number));
        await execution.CompleteAsync(number, await PersonAsync(host, "operator"));

        await using var db = host.NewContext();
        var lot = await db.MaterialLots.AsNoTracking().SingleAsync(l => l.Number == new LotNumber(number));
        var balance = await db.LotBalances.AsNoTracking().SingleAsync(b => b.LotId == lot.Id);
        var product = await db.Materials.AsNoTracking().SingleAsync(m => m.Id == lot.MaterialId);
        Assert.Equal((LotStatus.Quarantine, 57_600m), (lot.Status, balance.OnHand));
        var expected = product.ShelfLifeDays is { } days ? DateOnly.FromDateTime(lot.CreatedAt.UtcDateTime).AddDays(days)
            : DateOnly.FromDateTime(lot.CreatedAt.UtcDateTime).AddMonths(36);
        Assert.Equal(expected, lot.ExpiryDate);
        var yield = (await host.Get<BatchReviewService>().GetRecordAsync(number))!.Entries.Single(e => e.Kind == BatchRecordEntryKind.YieldRecorded);
        Assert.Contains("the line's good count", yield.Text);
    }

    [Fact]
    public async Task AnOperatorsCountFarFromTheLinesIsBookedAndFlaggedForQa()
    {
        await using var host = await MesTestHost.StartAsync();
        var number = await RunWithCountsAsync(host, 10_000);

        await host.Get<BatchExecutionService>().CompleteAsync(number, 9_500m, await PersonAsync(host, "operator"));

        var record = (await host.Get<BatchReviewService>().GetRecordAsync(number))!;
        var yield = record.Entries.Single(e => e.Kind == BatchRecordEntryKind.YieldRecorded);
        Assert.Equal((9_500m, EntryResult.OutOfLimits), (yield.Amount, yield.Result));
        Assert.Contains("the line counted 10000", yield.Text);
        Assert.Contains(record.Flagged, e => e.Kind == BatchRecordEntryKind.YieldRecorded);
    }

    [Fact]
    public async Task WithoutALineCountTheBatchWaitsForTheOperatorsCountAndStaysRunning()
    {
        await using var host = await MesTestHost.StartAsync();
        var number = await RunWithCountsAsync(host);
        var execution = host.Get<BatchExecutionService>();
        var operatorUser = await PersonAsync(host, "operator");

        var refused = await Assert.ThrowsAsync<DomainException>(() => execution.CompleteAsync(number, operatorUser));

        Assert.Contains("Enter the good quantity made", refused.Message);
        Assert.Equal(BatchState.Running, (await host.Get<BatchReviewService>().GetRecordAsync(number))!.Batch.State);
        await using var db = host.NewContext();
        Assert.False(await db.MaterialLots.AnyAsync(l => l.Number == new LotNumber(number)));
    }
}
