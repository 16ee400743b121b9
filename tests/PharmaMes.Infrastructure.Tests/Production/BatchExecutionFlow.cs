using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Infrastructure.Quality;
using PharmaMes.Infrastructure.Signatures;
using static PharmaMes.Infrastructure.Tests.Production.TestBatches;

namespace PharmaMes.Infrastructure.Tests.Production;

public class BatchExecutionFlow
{
    [Fact]
    public async Task ABatchRunsStepByStepIsReleasedByQaAndItsLotBecomesReleasedStock()
    {
        await using var host = await MesTestHost.StartAsync();
        var (operatorUser, supervisor, qa) = (await PersonAsync(host, "operator"), await PersonAsync(host, "supervisor"), await PersonAsync(host, "qa"));
        var execution = host.Get<BatchExecutionService>();
        var number = await NewBatchAsync(host);

        await execution.StartAsync(number, operatorUser);
        await execution.StartStepAsync(number, 1, "DISP-01", operatorUser);
        var dispensed = await execution.DispenseAsync(number, 1, "API-PARA", "PARA-24-0117", 5.02m, operatorUser);
        await execution.CompleteStepAsync(number, 1, Credentials("operator"), operatorUser);
        var ownVerification = await Assert.ThrowsAsync<DomainException>(() => execution.VerifyStepAsync(number, 1, Credentials("operator"), operatorUser));
        await execution.VerifyStepAsync(number, 1, Credentials("supervisor"), supervisor);
        await execution.StartStepAsync(number, 2, "FBD-01", operatorUser);
        var inLimits = await execution.RecordValueAsync(number, 2, "Inlet air temperature", 61, operatorUser);
        var outOfLimits = await execution.RecordValueAsync(number, 2, "Loss on drying", 2.4, operatorUser);
        await execution.CompleteStepAsync(number, 2, Credentials("operator"), operatorUser);
        await execution.CompleteAsync(number, 9_870m, operatorUser);
        await using (var atCompletion = host.NewContext())
        {
            // The lot exists from completion on, in Quarantine, with what the batch made: not the plan of 10,000.
            var booked = await atCompletion.MaterialLots.AsNoTracking().SingleAsync(l => l.Number == new LotNumber(number));
            Assert.Equal(LotStatus.Quarantine, booked.Status);
            Assert.Equal(9_870m, (await atCompletion.LotBalances.AsNoTracking().SingleAsync(b => b.LotId == booked.Id)).OnHand);
        }

        Assert.Null(dispensed.QualityExceptionNumber);
        Assert.Contains("verif", ownVerification.Message);
        Assert.Equal("WithinLimits", inLimits.Result);
        Assert.Equal("OutOfLimits", outOfLimits.Result);
        Assert.NotNull(outOfLimits.QualityExceptionNumber);

        var review = host.Get<BatchReviewService>();
        var blocked = await Assert.ThrowsAsync<DomainException>(() => review.ReleaseAsync(number, Credentials("qa"), qa));
        Assert.Contains("open quality exception", blocked.Message);
        await host.Get<QualityExceptionService>().CloseAsync(outOfLimits.QualityExceptionNumber!, "Re-tested: 1.8 %. Probe drift, no product impact.", Credentials("qa"), qa);
        await review.ReleaseAsync(number, Credentials("qa"), qa);

        var record = (await review.GetRecordAsync(number))!;
        Assert.Equal((BatchState.Completed, BatchDisposition.Released), (record.Batch.State, record.Batch.Disposition));
        Assert.Equal(Enumerable.Range(1, record.Entries.Count), record.Entries.Select(e => e.Sequence));
        var dispense = record.Entries.Single(e => e.Kind == BatchRecordEntryKind.MaterialDispensed);
        Assert.Equal((new LotNumber("PARA-24-0117"), 5.02m), (dispense.LotNumber, dispense.Amount));
        // Taken from the booth's scale: the record names the scale and its calibration.
        Assert.Contains("weighed on the DISP-01 scale (calibrated until", dispense.Text);
        Assert.Contains(record.Flagged, e => e.Name == "Loss on drying");
        Assert.Equal([SignatureMeaning.Performed, SignatureMeaning.Verified, SignatureMeaning.Performed, SignatureMeaning.Reviewed, SignatureMeaning.Released],
            record.Signatures.Select(s => s.Signature.Meaning));
        Assert.All(record.Signatures, s => Assert.True(s.IsValid, s.Subject));
        Assert.Equal(0, record.OpenExceptions);

        await using var db = host.NewContext();
        var lot = await db.MaterialLots.SingleAsync(l => l.Number == new LotNumber(number));
        Assert.Equal(LotStatus.Released, lot.Status);
        var output = await db.InventoryLedger.SingleAsync(e => e.LotId == lot.Id);
        Assert.Equal((InventoryMovement.OutputFromBatch, 9_870m), (output.Movement, output.Change));
        var yield = record.Entries.Single(e => e.Kind == BatchRecordEntryKind.YieldRecorded);
        Assert.Equal((9_870m, EntryResult.WithinLimits), (yield.Amount, yield.Result));
        Assert.Contains("counted by the operator; the line reported no count", yield.Text);
        var issue = await db.InventoryLedger.SingleAsync(e => e.Reference == number && e.Movement == InventoryMovement.IssueToBatch);
        Assert.Equal(-5.02m, issue.Change);
    }

    [Fact]
    public async Task TheQaWhoPerformedAStepCannotReleaseTheBatch()
    {
        await using var host = await MesTestHost.StartAsync();
        var (qa, supervisor) = (await PersonAsync(host, "qa"), await PersonAsync(host, "supervisor"));
        var execution = host.Get<BatchExecutionService>();
        var number = await NewBatchAsync(host);
        await execution.StartAsync(number, qa);
        await execution.StartStepAsync(number, 1, "DISP-01", qa);
        await execution.DispenseAsync(number, 1, "API-PARA", "PARA-24-0117", 5m, qa);
        await execution.CompleteStepAsync(number, 1, Credentials("qa"), qa);
        await execution.VerifyStepAsync(number, 1, Credentials("supervisor"), supervisor);
        await execution.SkipStepAsync(number, 2, "Dryer not needed for this trial batch", Credentials("supervisor"), supervisor);
        await execution.CompleteAsync(number, 9_900m, supervisor);
        var skipped = (await host.Get<QualityExceptionService>().ListAsync(openOnly: true, number)).Single();
        await host.Get<QualityExceptionService>().CloseAsync(skipped.Number.Value, "Trial batch, agreed in advance.", Credentials("qa"), qa);

        var refused = await Assert.ThrowsAsync<DomainException>(() => host.Get<BatchReviewService>().ReleaseAsync(number, Credentials("qa"), qa));

        Assert.Contains("must not have performed or verified", refused.Message);
        Assert.Equal(BatchDisposition.PendingReview, (await host.Get<BatchReviewService>().GetRecordAsync(number))!.Batch.Disposition);
    }

    [Fact]
    public async Task ASkipIsSignedByTheSupervisorWithItsReasonAndBlocksReleaseUntilQaClosesItsException()
    {
        await using var host = await MesTestHost.StartAsync();
        var (operatorUser, supervisor, qa) = (await PersonAsync(host, "operator"), await PersonAsync(host, "supervisor"), await PersonAsync(host, "qa"));
        var execution = host.Get<BatchExecutionService>();
        var number = await NewBatchAsync(host);
        await execution.StartAsync(number, operatorUser);

        await Assert.ThrowsAsync<SignatureRefusedException>(() =>
            execution.SkipStepAsync(number, 1, "Binder pre-weighed in the warehouse", new SignatureCredentials("supervisor", "wrong-password"), supervisor));
        Assert.Equal(StepState.Pending, (await host.Get<BatchReviewService>().GetRecordAsync(number))!.Batch.FindStep(1)!.State);
        var skipped = await execution.SkipStepAsync(number, 1, "Binder pre-weighed in the warehouse", Credentials("supervisor"), supervisor);
        await execution.SkipStepAsync(number, 2, "Dryer not needed for this trial batch", Credentials("supervisor"), supervisor);
        await execution.CompleteAsync(number, 9_900m, supervisor);

        var record = (await host.Get<BatchReviewService>().GetRecordAsync(number))!;
        Assert.Equal(StepState.Skipped, record.Batch.FindStep(1)!.State);
        var signature = record.Entries.Single(e => e.Kind == BatchRecordEntryKind.Signature && e.StepNumber == 1);
        Assert.Contains("Samuel Okafor — Performed —", signature.Text);
        Assert.NotNull(skipped.QualityExceptionNumber);
        var refused = await Assert.ThrowsAsync<DomainException>(() => host.Get<BatchReviewService>().ReleaseAsync(number, Credentials("qa"), qa));
        Assert.Contains("open quality exceptions", refused.Message);
    }

    [Fact]
    public async Task AnUnreleasedLotIsRefusedAndNothingIsRecordedOrIssued()
    {
        await using var host = await MesTestHost.StartAsync();
        var operatorUser = await PersonAsync(host, "operator");
        var execution = host.Get<BatchExecutionService>();
        var number = await NewBatchAsync(host);
        await execution.StartAsync(number, operatorUser);
        await execution.StartStepAsync(number, 1, "DISP-01", operatorUser);
        var entriesBefore = (await host.Get<BatchReviewService>().GetRecordAsync(number))!.Entries.Count;

        var quarantined = await Assert.ThrowsAsync<DomainException>(() => execution.DispenseAsync(number, 1, "API-PARA", "PARA-24-0121", 5m, operatorUser));
        var expired = await Assert.ThrowsAsync<DomainException>(() => execution.DispenseAsync(number, 1, "API-PARA", "PARA-23-0904", 5m, operatorUser));
        var wrongMaterial = await Assert.ThrowsAsync<DomainException>(() => execution.DispenseAsync(number, 1, "API-PARA", "MCC-24-3310", 5m, operatorUser));
        var typedWithoutReason = await Assert.ThrowsAsync<DomainException>(() =>
            execution.DispenseAsync(number, 1, "API-PARA", "PARA-24-0117", 5m, null, new TypedWeight(null), operatorUser));
        Assert.Contains("This booth has a scale", typedWithoutReason.Message);
        await using (var read = host.NewContext())
        {
            var lot = await read.MaterialLots.AsNoTracking().SingleAsync(l => l.Number == new LotNumber("PARA-24-0117"));
            var relabelled = await Assert.ThrowsAsync<DomainException>(() =>
                execution.DispenseAsync(number, 1, "API-PARA", "PARA-24-0117", 5m, lot.ExpiryDate.AddMonths(6), null, operatorUser));
            Assert.Contains($"is not lot PARA-24-0117's expiry {lot.ExpiryDate:yyyy-MM-dd}", relabelled.Message);
        }

        Assert.Contains("Quarantine, not Released", quarantined.Message);
        Assert.Contains("not Released", expired.Message);
        Assert.Contains("needs API-PARA, not EXC-MCC", wrongMaterial.Message);
        Assert.Equal(entriesBefore, (await host.Get<BatchReviewService>().GetRecordAsync(number))!.Entries.Count);
        await using var db = host.NewContext();
        Assert.False(await db.InventoryLedger.AnyAsync(e => e.Reference == number));
    }

    [Fact]
    public async Task AnOutOfToleranceDispenseIsRecordedIssuedAndRaisesAnException()
    {
        await using var host = await MesTestHost.StartAsync();
        var operatorUser = await PersonAsync(host, "operator");
        var execution = host.Get<BatchExecutionService>();
        var number = await NewBatchAsync(host);
        await execution.StartAsync(number, operatorUser);
        await execution.StartStepAsync(number, 1, "DISP-01", operatorUser);

        var outcome = await execution.DispenseAsync(number, 1, "API-PARA", "PARA-24-0117", 5.2m, operatorUser);

        Assert.Equal("OutOfLimits", outcome.Result);
        var exception = await host.Get<QualityExceptionService>().FindAsync(outcome.QualityExceptionNumber!);
        Assert.Equal((QualityExceptionSource.Automatic, QualityExceptionStatus.Open), (exception!.Source, exception.Status));
        Assert.Contains("tolerance", exception.Title);
    }

    [Fact]
    public async Task TheBatchThatLeftAUnitDirtyIsOfferedItForItsNextStepWhileAnotherBatchIsToldToCleanIt()
    {
        await using var host = await MesTestHost.StartAsync();
        await ShopFloorSetup.EnsureApprovedRecipeAsync(host.Services, "FG-TWICE", "Twice-pressed tablets", 1_000m, recipe =>
        {
            recipe.AddStep("Slugging", "Press the blend into slugs.", EquipmentClass.TabletPress);
            recipe.AddStep("Compression", "Press the milled slugs into tablets.", EquipmentClass.TabletPress);
        });
        await ShopFloorSetup.EnsureCleanAsync(host.Services, "TP-02", MesTestHost.DemoPassword);
        var operatorUser = await PersonAsync(host, "operator");
        var execution = host.Get<BatchExecutionService>();
        var first = await ShopFloorSetup.NewBatchAsync(host.Services, "FG-TWICE", 1_000m);
        var second = await ShopFloorSetup.NewBatchAsync(host.Services, "FG-TWICE", 1_000m);
        await execution.StartAsync(first, operatorUser);
        await execution.StartStepAsync(first, 1, "TP-02", operatorUser);
        await execution.CompleteStepAsync(first, 1, Credentials("operator"), operatorUser);
        await execution.StartAsync(second, operatorUser);

        var own = (await execution.EquipmentChoicesAsync(first, 2)).Single(c => c.Code == "TP-02");
        var others = (await execution.EquipmentChoicesAsync(second, 1)).Single(c => c.Code == "TP-02");

        Assert.True(own.IsUsable, string.Join(", ", own.Blocked));
        Assert.Contains(others.Blocked, r => r.EndsWith($"after {first} — cleaning needed", StringComparison.Ordinal));
        // What the list offers is what starting the step accepts; once taken, the other batch reads why once.
        await execution.StartStepAsync(first, 2, "TP-02", operatorUser);
        var taken = (await execution.EquipmentChoicesAsync(second, 1)).Single(c => c.Code == "TP-02");
        Assert.Single(taken.Blocked, r => r.Contains("in use by batch", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task EquipmentInUseDirtyOrNotIdleIsOfferedOnlyWithTheReasonItIsBlocked()
    {
        await using var host = await MesTestHost.StartAsync();
        var operatorUser = await PersonAsync(host, "operator");
        var execution = host.Get<BatchExecutionService>();
        var first = await NewBatchAsync(host);
        var second = await NewBatchAsync(host);
        await execution.StartAsync(first, operatorUser);
        await execution.StartStepAsync(first, 1, "DISP-01", operatorUser);
        await execution.StartAsync(second, operatorUser);

        var choices = await execution.EquipmentChoicesAsync(second, 1);
        var refused = await Assert.ThrowsAsync<DomainException>(() => execution.StartStepAsync(second, 1, "DISP-01", operatorUser));

        var booth = Assert.Single(choices);
        Assert.False(booth.IsUsable);
        Assert.Single(booth.Blocked, r => r.Contains($"in use by batch {first}", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("in use", refused.Message);
    }

    [Fact]
    public async Task AStepCannotStartBeforeTheOneBeforeItIsDone()
    {
        await using var host = await MesTestHost.StartAsync();
        var operatorUser = await PersonAsync(host, "operator");
        var execution = host.Get<BatchExecutionService>();
        var number = await NewBatchAsync(host);
        await execution.StartAsync(number, operatorUser);

        var refused = await Assert.ThrowsAsync<DomainException>(() => execution.StartStepAsync(number, 2, "FBD-01", operatorUser));

        Assert.Contains("Step 1", refused.Message);
    }

    [Fact]
    public async Task AWrongSigningPasswordLeavesTheStepInProgress()
    {
        await using var host = await MesTestHost.StartAsync();
        var operatorUser = await PersonAsync(host, "operator");
        var execution = host.Get<BatchExecutionService>();
        var number = await NewBatchAsync(host);
        await execution.StartAsync(number, operatorUser);
        await execution.StartStepAsync(number, 1, "DISP-01", operatorUser);
        await execution.DispenseAsync(number, 1, "API-PARA", "PARA-24-0117", 5m, operatorUser);

        await Assert.ThrowsAsync<SignatureRefusedException>(() => execution.CompleteStepAsync(number, 1, new SignatureCredentials("operator", "wrong-password"), operatorUser));

        var record = (await host.Get<BatchReviewService>().GetRecordAsync(number))!;
        Assert.Equal(StepState.InProgress, record.Batch.Steps[0].State);
        Assert.Empty(record.Signatures);
    }
}
