using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Outbox;
using PharmaMes.Infrastructure.Outbox.Events;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Infrastructure.Quality;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Outbox;

public class OutboxWriting
{
    [Fact]
    public async Task ABatchFromStartToReleaseReportsEachFactToTheErpInTheOrderItHappened()
    {
        await using var host = await MesTestHost.StartAsync();
        var (operatorUser, supervisor, qa) = (await PersonAsync(host, "operator"), await PersonAsync(host, "supervisor"), await PersonAsync(host, "qa"));
        var execution = host.Get<BatchExecutionService>();
        var number = await NewBatchAsync(host);

        await execution.StartAsync(number, operatorUser);
        await execution.StartStepAsync(number, 1, "DISP-01", operatorUser);
        await execution.DispenseAsync(number, 1, "API-PARA", "PARA-24-0117", 5.02m, operatorUser);
        await execution.CompleteStepAsync(number, 1, Credentials("operator"), operatorUser);
        await execution.VerifyStepAsync(number, 1, Credentials("supervisor"), supervisor);
        await execution.StartStepAsync(number, 2, "FBD-01", operatorUser);
        await execution.RecordValueAsync(number, 2, "Inlet air temperature", 61, operatorUser);
        var outOfLimits = await execution.RecordValueAsync(number, 2, "Loss on drying", 2.4, operatorUser);
        await execution.CompleteStepAsync(number, 2, Credentials("operator"), operatorUser);
        await execution.CompleteAsync(number, 9_950m, operatorUser);
        await host.Get<QualityExceptionService>().CloseAsync(outOfLimits.QualityExceptionNumber!, "Re-tested: 1.8 %.", Credentials("qa"), qa);
        await host.Get<BatchReviewService>().ReleaseAsync(number, Credentials("qa"), qa);

        await using var db = host.NewContext();
        var batchMessages = await db.OutboxMessages.Where(m => m.Aggregate == $"Batch:{number}").OrderBy(m => m.Position).ToListAsync();
        Assert.Equal(
            [ErpMessageType.BatchStarted, ErpMessageType.GoodsIssue, ErpMessageType.OperationConfirmed, ErpMessageType.OperationConfirmed,
             ErpMessageType.BatchCompleted, ErpMessageType.GoodsReceipt],
            batchMessages.Select(m => m.Type));
        Assert.All(batchMessages, m => Assert.Equal(OutboxStatus.Pending, m.Status));

        var started = ErpJson.Deserialize<BatchStarted>(batchMessages[0].Payload);
        Assert.Equal((number, Product), (started.BatchNumber, started.Product));
        var issue = ErpJson.Deserialize<GoodsMovement>(batchMessages[1].Payload);
        Assert.Equal(("261", "API-PARA", "PARA-24-0117", 5.02m, "kg"), (issue.MovementType, issue.Material, issue.Lot, issue.Quantity, issue.Unit));
        var confirmations = batchMessages.Where(m => m.Type == ErpMessageType.OperationConfirmed).Select(m => ErpJson.Deserialize<OperationConfirmed>(m.Payload)).ToList();
        Assert.Equal([1, 2], confirmations.Select(c => c.StepNumber));
        Assert.Equal(("DISP-01", "Completed"), (confirmations[0].Equipment, confirmations[0].State));
        Assert.NotNull(confirmations[0].VerifiedBy);
        var receipt = ErpJson.Deserialize<GoodsMovement>(batchMessages[5].Payload);
        // The receipt is booked when the batch completes, into quality inspection, with what it made; QA's release follows as a status change.
        Assert.Equal(("101", Product, number, "Quarantine", 9_950m), (receipt.MovementType, receipt.Material, receipt.Lot, receipt.LotStatus, receipt.Quantity));

        var lotMessages = await db.OutboxMessages.Where(m => m.Aggregate == $"Lot:{number}").OrderBy(m => m.Position).ToListAsync();
        Assert.Equal(["Quarantine", "Released"], lotMessages.Select(m => ErpJson.Deserialize<LotStatusChanged>(m.Payload).Status));

        var exception = await db.OutboxMessages.Where(m => m.Aggregate == $"QualityException:{outOfLimits.QualityExceptionNumber}").OrderBy(m => m.Position).ToListAsync();
        Assert.Equal([ErpMessageType.QualityExceptionRaised, ErpMessageType.QualityExceptionClosed], exception.Select(m => m.Type));
        Assert.Equal(number, ErpJson.Deserialize<QualityExceptionRaised>(exception[0].Payload).BatchNumber);
    }

    [Fact]
    public async Task WhenTheSaveFailsNeitherTheChangeNorItsOutboxMessageIsKept()
    {
        await using var host = await MesTestHost.StartAsync();
        var operatorUser = await PersonAsync(host, "operator");
        var number = await NewBatchAsync(host);

        await using (var db = host.NewContext(operatorUser))
        {
            var batch = await db.LoadForActionAsync(number, CancellationToken.None);
            batch.Start(BatchExecutionService.PersonOf(operatorUser), DateTimeOffset.UtcNow);
            db.BatchRecordEntries.AddRange(batch.TakeNewEntries());
            // The same save also tries to create a material whose code exists: the database refuses the whole transaction.
            db.Materials.Add(new Material(new MaterialCode("API-PARA"), "A second API-PARA", MaterialType.RawMaterial, new UnitOfMeasure("kg"), 0, 0));
            Assert.Equal(1, db.ChangeTracker.Entries<Batch>().Count(e => e.State == EntityState.Modified));
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = host.NewContext())
        {
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Aggregate == $"Batch:{number}"));
            Assert.Equal(BatchState.Created, (await db.Batches.SingleAsync(b => b.Number == new BatchNumber(number))).State);
        }

        await host.Get<BatchExecutionService>().StartAsync(number, operatorUser);
        await using (var db = host.NewContext())
        {
            var message = await db.OutboxMessages.SingleAsync(m => m.Aggregate == $"Batch:{number}");
            Assert.Equal(ErpMessageType.BatchStarted, message.Type);
        }
    }

    [Fact]
    public async Task EquipmentGoingDownAndComingBackUpIsReportedWithTheDowntime()
    {
        await using var host = await MesTestHost.StartAsync();
        var down = DateTimeOffset.UtcNow;
        await using (var db = host.NewContext())
        {
            var tablet = await db.Equipment.SingleAsync(e => e.Code == new PlantCode("TP-01"));
            foreach (var open in await db.StateIntervals.Where(s => s.EquipmentId == tablet.Id && s.EndedAt == null).ToListAsync())
                open.End(down);
            db.StateIntervals.Add(new StateInterval(tablet.Id, EquipmentState.Down, down, "Punch breakage"));
            await db.SaveChangesAsync();
        }
        await using (var db = host.NewContext())
        {
            var tablet = await db.Equipment.SingleAsync(e => e.Code == new PlantCode("TP-01"));
            var interval = await db.StateIntervals.SingleAsync(s => s.EquipmentId == tablet.Id && s.EndedAt == null);
            interval.End(down.AddMinutes(42));
            db.StateIntervals.Add(new StateInterval(tablet.Id, EquipmentState.Idle, down.AddMinutes(42), "Punch replaced"));
            await db.SaveChangesAsync();
        }

        await using var check = host.NewContext();
        var messages = await check.OutboxMessages.Where(m => m.Aggregate == "Equipment:TP-01").OrderBy(m => m.Position).ToListAsync();
        Assert.Equal([ErpMessageType.EquipmentDown, ErpMessageType.EquipmentUp], messages.Select(m => m.Type).TakeLast(2));
        var up = ErpJson.Deserialize<EquipmentUp>(messages[^1].Payload);
        Assert.Equal(("Idle", "Punch replaced", 42d), (up.State, up.Reason, up.DowntimeMinutes));
        Assert.Equal("Punch breakage", ErpJson.Deserialize<EquipmentDown>(messages[^2].Payload).Reason);
    }
}
