using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Demo;
using PharmaMes.Infrastructure.Production;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Demo;

public class DemoBatchSeeding
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static Task<MesTestHost> DemoAsync() => MesTestHost.StartAsync(demo: true, clock: new FakeTimeProvider(Now));

    private static async Task<IReadOnlyList<Batch>> BatchesAsync(MesTestHost host)
    {
        await using var db = host.NewContext();
        return await db.Batches.AsNoTracking().Include(b => b.Steps).AsSplitQuery().OrderBy(b => b.CreatedAt).ToListAsync();
    }

    [Fact]
    public async Task AWeekOfOrdersAndFourBatchesInEveryStateQaDealsWith()
    {
        await using var host = await DemoAsync();
        await using var db = host.NewContext();

        var batches = await BatchesAsync(host);
        var orders = await db.ProductionOrders.AsNoTracking().OrderBy(o => o.Number).ToListAsync();

        Assert.Equal([(BatchState.Completed, BatchDisposition.Released), (BatchState.Completed, BatchDisposition.Released),
            (BatchState.Completed, BatchDisposition.Rejected), (BatchState.Running, BatchDisposition.PendingReview)],
            batches.Select(b => (b.State, b.Disposition)));
        Assert.All(batches, b => Assert.Equal(("FG-PARA500", 60_000m, 1), (b.ProductCode.Value, b.PlannedQuantity.Amount, b.RecipeVersion)));
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"PO-2026-{n:0000}"), orders.Select(o => o.Number.Value));
        Assert.Equal([OrderStatus.Completed, OrderStatus.Completed, OrderStatus.Completed, OrderStatus.InProgress, OrderStatus.Released, OrderStatus.Planned,
            OrderStatus.Planned, OrderStatus.Planned, OrderStatus.Planned, OrderStatus.Planned],
            orders.Select(o => o.Status));
        Assert.Equal(orders.Take(4).Select(o => o.Id), batches.Select(b => b.OrderId));
        // Spread over the past days as it happened: about 5, 3 and 2 days ago, and since this morning.
        Assert.Equal([5, 3, 2], batches.Take(3).Select(b => (Now.Date - b.StartedAt!.Value.Date).Days));
        Assert.InRange(batches[3].StartedAt!.Value, Now.AddHours(-8), Now.AddHours(-4));
        Assert.All(batches.Take(3), b => Assert.InRange(b.CompletedAt!.Value - b.StartedAt!.Value, TimeSpan.FromHours(13), TimeSpan.FromHours(16)));
        Assert.True(await db.BatchRecordEntries.AllAsync(e => e.At < Now));
    }

    [Fact]
    public async Task ReleasedBatchesAreReleasedStockAndTheRejectedOnesLotIsRejectedWithItsOutputBooked()
    {
        await using var host = await DemoAsync();
        var batches = await BatchesAsync(host);
        await using var db = host.NewContext();

        foreach (var (batch, status) in batches.Take(3).Zip([LotStatus.Released, LotStatus.Released, LotStatus.Rejected]))
        {
            var lot = await db.MaterialLots.AsNoTracking().SingleAsync(l => l.Number == new LotNumber(batch.Number.Value));
            var output = await db.InventoryLedger.AsNoTracking().SingleAsync(e => e.LotId == lot.Id);
            Assert.Equal(status, lot.Status);
            // What the operator counted, a little under the 60,000 planned: the lot carries the actual yield.
            Assert.Equal(InventoryMovement.OutputFromBatch, output.Movement);
            Assert.InRange(output.Change, 57_000m, 59_999m);
            // Every material of the bill of materials was issued from stock to the batch.
            Assert.Equal(9, await db.InventoryLedger.CountAsync(e => e.Reference == batch.Number.Value && e.Movement == InventoryMovement.IssueToBatch));
        }
        Assert.False(await db.MaterialLots.AnyAsync(l => l.Number == new LotNumber(batches[3].Number.Value)));
        Assert.Equal(5, await db.InventoryLedger.CountAsync(e => e.Reference == batches[3].Number.Value && e.Movement == InventoryMovement.IssueToBatch));
    }

    [Fact]
    public async Task EverySeededSignatureIsValidEveryRecordIsGaplessAndTheAuditChainVerifies()
    {
        await using var host = await DemoAsync();
        var review = host.Get<BatchReviewService>();

        var records = new List<BatchRecordView>();
        foreach (var batch in await BatchesAsync(host))
            records.Add((await review.GetRecordAsync(batch.Number.Value))!);

        foreach (var record in records)
        {
            Assert.All(record.Signatures, s => Assert.True(s.IsValid, $"{record.Batch.Number}: {s.Subject} {s.Signature.Meaning}"));
            Assert.Equal(Enumerable.Range(1, record.Entries.Count), record.Entries.Select(e => e.Sequence));
            Assert.Equal(record.Entries.OrderBy(e => e.Sequence).Select(e => e.At), record.Entries.Select(e => e.At).Order());
            Assert.Equal(0, record.OpenExceptions);
        }
        // Steps 1 and 4 are verified by a second person; the disposition and each exception's closure are signed by QA.
        var meanings = records.Select(r => r.Signatures.GroupBy(s => s.Signature.Meaning).ToDictionary(g => g.Key, g => g.Count())).ToList();
        Assert.Equal(new Dictionary<SignatureMeaning, int> { [SignatureMeaning.Performed] = 6, [SignatureMeaning.Verified] = 2, [SignatureMeaning.Released] = 1 }, meanings[0]);
        Assert.Equal(new Dictionary<SignatureMeaning, int> { [SignatureMeaning.Performed] = 6, [SignatureMeaning.Verified] = 2, [SignatureMeaning.Reviewed] = 1, [SignatureMeaning.Released] = 1 }, meanings[1]);
        Assert.Equal(new Dictionary<SignatureMeaning, int> { [SignatureMeaning.Performed] = 6, [SignatureMeaning.Verified] = 2, [SignatureMeaning.Reviewed] = 1, [SignatureMeaning.Rejected] = 1 }, meanings[2]);
        Assert.Equal(new Dictionary<SignatureMeaning, int> { [SignatureMeaning.Performed] = 3, [SignatureMeaning.Verified] = 1 }, meanings[3]);
        Assert.All(records.SelectMany(r => r.Signatures), s => Assert.Contains(s.Signature.SignerUserName, new[] { "operator", "supervisor", "qa" }));
        Assert.True((await host.Get<AuditTrailService>().VerifyAsync()).Valid);
    }

    [Fact]
    public async Task TheSecondBatchsOutOfLimitValueWasInvestigatedCorrectedWithAReasonAndClosedBeforeRelease()
    {
        await using var host = await DemoAsync();
        var record = (await host.Get<BatchReviewService>().GetRecordAsync((await BatchesAsync(host))[1].Number.Value))!;

        var typed = record.Entries.Single(e => e.Kind == BatchRecordEntryKind.ValueRecorded && e.Name == "Loss on drying");
        var corrected = record.Entries.Single(e => e.Kind == BatchRecordEntryKind.ValueCorrected);
        var exception = Assert.Single(record.Exceptions);

        Assert.Equal((2.8, EntryResult.OutOfLimits), (typed.Value, typed.Result));
        Assert.Equal((2.08, EntryResult.WithinLimits, typed.Sequence, "operator"), (corrected.Value, corrected.Result, corrected.CorrectsSequence, corrected.UserName));
        Assert.Contains("printout", corrected.Text);
        Assert.Equal(2.08, record.Batch.FindStep(3)!.FindValue("Loss on drying")!.LastValue);
        Assert.Equal((QualityExceptionSource.Automatic, QualityExceptionSeverity.Major, QualityExceptionStatus.Closed, 3),
            (exception.Source, exception.Severity, exception.Status, exception.StepNumber));
        Assert.Equal("supervisor", Assert.Single(exception.Notes).UserName);
        Assert.Equal("qa", exception.ClosedByName);
        Assert.Contains("Root cause", exception.Closure);
        Assert.True(exception.ClosedAt < record.Batch.DispositionAt);
        Assert.Contains(record.Flagged, e => e.Kind == BatchRecordEntryKind.QualityExceptionRaised && e.Name == exception.Number.Value);
    }

    [Fact]
    public async Task TheThirdBatchsOverPourRaisedAMajorExceptionWhichQaAssessedClosedAndRejectedTheBatchFor()
    {
        await using var host = await DemoAsync();
        var record = (await host.Get<BatchReviewService>().GetRecordAsync((await BatchesAsync(host))[2].Number.Value))!;

        var overPour = record.Entries.Single(e => e.Kind == BatchRecordEntryKind.MaterialDispensed && e.Result == EntryResult.OutOfLimits);
        var exception = Assert.Single(record.Exceptions);

        Assert.Equal(("EXC-MCC", 7.98m, 1), (overPour.Name, overPour.Amount, overPour.StepNumber));
        Assert.Equal((QualityExceptionSeverity.Major, QualityExceptionStatus.Closed), (exception.Severity, exception.Status));
        Assert.Contains("tolerance", exception.Title);
        Assert.Equal(["supervisor", "qa"], exception.Notes.Select(n => n.UserName));
        Assert.Equal("Quinn Andersen", record.Batch.DispositionByName);
        Assert.Contains(exception.Number.Value, record.Batch.RejectReason);
    }

    [Fact]
    public async Task TheRunningBatchIsCompressingOnTp01AndAnOperatorCanCarryOn()
    {
        await using var host = await DemoAsync();
        var running = (await BatchesAsync(host))[3];
        var steps = running.Steps.OrderBy(s => s.Number).ToList();
        await using var db = host.NewContext();
        var press = await db.Equipment.AsNoTracking().SingleAsync(e => e.Code == new PlantCode("TP-01"));

        Assert.Equal([StepState.Completed, StepState.Completed, StepState.Completed, StepState.InProgress, StepState.Pending, StepState.Pending],
            steps.Select(s => s.State));
        Assert.Equal("TP-01", steps[3].EquipmentCode?.Value);
        Assert.Equal((EquipmentState.Running, steps[3].StartedAt!.Value.AddMinutes(5)), (press.State, press.StateSince));
        var record = (await host.Get<BatchReviewService>().GetRecordAsync(running.Number.Value))!;
        Assert.Equal(3, record.Batch.FindStep(4)!.Values.Count(v => v.LastEntrySequence is not null));

        var operatorUser = await PersonAsync(host, "operator");
        var outcome = await host.Get<BatchExecutionService>().RecordValueAsync(running.Number.Value, 4, "Hardness", 104, operatorUser);
        Assert.Equal("WithinLimits", outcome.Result);
        // The coater is ready for the step after next; the packer is down.
        var coater = await db.Equipment.AsNoTracking().SingleAsync(e => e.Code == new PlantCode("COAT-01"));
        Assert.Empty(coater.ReasonsNotUsable(Now));
    }

    [Fact]
    public async Task EveryEquipmentsHistoryEndsInOneOpenIntervalOfItsCurrentState()
    {
        await using var host = await DemoAsync();
        await using var db = host.NewContext();

        var equipment = await db.Equipment.AsNoTracking().ToListAsync();
        var intervals = await db.StateIntervals.AsNoTracking().ToListAsync();

        foreach (var unit in equipment)
        {
            var history = intervals.Where(i => i.EquipmentId == unit.Id).OrderBy(i => i.StartedAt).ToList();
            var open = Assert.Single(history, i => i.EndedAt is null);
            Assert.Equal((unit.State, unit.StateSince, unit.StateReason), (open.State, open.StartedAt, open.Reason));
            Assert.Same(open, history[^1]);
            // Each interval ends where the next one starts.
            Assert.All(history.Zip(history.Skip(1)), pair => Assert.Equal(pair.First.EndedAt, pair.Second.StartedAt));
        }
    }

    [Fact]
    public async Task SeedingAgainCreatesNothingNew()
    {
        await using var host = await DemoAsync();

        async Task<long[]> CountAsync()
        {
            await using var db = host.NewContext();
            return
            [
                await db.Batches.CountAsync(), await db.BatchRecordEntries.CountAsync(), await db.ProductionOrders.CountAsync(),
                await db.QualityExceptions.CountAsync(), await db.Signatures.CountAsync(), await db.MaterialLots.CountAsync(),
                await db.InventoryLedger.CountAsync(), await db.StateIntervals.CountAsync(), await db.AuditEntries.CountAsync(),
            ];
        }
        var before = await CountAsync();
        await host.Get<DemoSeeder>().SeedAsync();

        Assert.Equal(before, await CountAsync());
    }
}
