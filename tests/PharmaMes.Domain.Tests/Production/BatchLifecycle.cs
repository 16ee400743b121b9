using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Tests.Recipes;
using static PharmaMes.Domain.Tests.Production.TestProduction;

namespace PharmaMes.Domain.Tests.Production;

public class BatchLifecycle
{
    [Fact]
    public void StartsACreatedBatch()
    {
        var batch = NewBatch();

        var entry = batch.Start(Operator, At(1));

        Assert.Equal(BatchState.Running, batch.State);
        Assert.Equal(At(1), batch.StartedAt);
        Assert.Equal(BatchRecordEntryKind.BatchStarted, entry.Kind);
        Assert.Equal(2, entry.Sequence);
        Assert.Equal(Operator.Id, entry.UserId);
    }

    [Fact]
    public void HoldsAndResumesWithAReason()
    {
        var batch = Running();

        var held = batch.Hold(" Granulator alarm ", Operator, At(2));

        Assert.Equal(BatchState.Held, batch.State);
        Assert.Equal("Granulator alarm", batch.HoldReason);
        Assert.Equal(BatchRecordEntryKind.BatchHeld, held.Kind);
        Assert.Equal("Granulator alarm", held.Text);

        var resumed = batch.Resume(Operator, At(3));

        Assert.Equal(BatchState.Running, batch.State);
        Assert.Null(batch.HoldReason);
        Assert.Equal(BatchRecordEntryKind.BatchResumed, resumed.Kind);
    }

    [Fact]
    public void RefusesToHoldWithoutAReason()
    {
        var batch = Running();

        var ex = Assert.Throws<DomainException>(() => batch.Hold("  ", Operator, At(2)));

        Assert.Equal("A reason for holding a batch is required.", ex.Message);
        Assert.Equal(BatchState.Running, batch.State);
    }

    [Fact]
    public void RefusesToHoldABatchNotStarted()
    {
        var batch = NewBatch();

        var ex = Assert.Throws<DomainException>(() => batch.Hold("Alarm", Operator, At(2)));

        Assert.Equal("Batch B-2026-0042 cannot go from Created to Held. From Created it can go to: Running, Aborted.", ex.Message);
        Assert.Single(batch.NewEntries);
    }

    [Fact]
    public void CompletesWhenEveryStepIsCompletedOrSkipped()
    {
        var batch = Running();
        DoDispensing(batch);
        batch.SkipStep(2, "Direct compression trial", Operator, At(20));
        DoCompression(batch);

        var entry = batch.Complete(Operator, At(40));

        Assert.Equal(BatchState.Completed, batch.State);
        Assert.Equal(At(40), batch.CompletedAt);
        Assert.Equal(BatchRecordEntryKind.BatchCompleted, entry.Kind);
    }

    [Fact]
    public void CannotCompleteWithStepsNotDone()
    {
        var batch = Running();
        DoDispensing(batch);
        batch.StartStep(2, Granulator(), Operator, At(20));

        var ex = Assert.Throws<DomainException>(() => batch.Complete(Operator, At(40)));

        Assert.Equal("Batch B-2026-0042 cannot be completed: Step 2 Granulation is InProgress; Step 3 Compression is Pending.", ex.Message);
        Assert.Equal(BatchState.Running, batch.State);
        Assert.Null(batch.CompletedAt);
    }

    [Fact]
    public void CannotCompleteWithAStepAwaitingVerification()
    {
        var batch = Running();
        batch.StartStep(1, Booth(), Operator, At(10));
        batch.RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, ReleasedLot(Paracetamol), KgOf(100), Operator, At(11));
        batch.RecordDispense(1, TestRecipes.Cellulose, Cellulose, ReleasedLot(Cellulose), KgOf(90), Operator, At(12));
        batch.CompleteStep(1, Operator, At(13));

        var ex = Assert.Throws<DomainException>(() => batch.Complete(Operator, At(40)));

        Assert.StartsWith("Batch B-2026-0042 cannot be completed: Step 1 Dispensing is AwaitingVerification;", ex.Message);
        Assert.Equal(BatchState.Running, batch.State);
    }

    [Fact]
    public void CannotCompleteAHeldBatch()
    {
        var batch = Running();
        batch.Hold("Alarm", Operator, At(2));

        var ex = Assert.Throws<DomainException>(() => batch.Complete(Operator, At(3)));

        Assert.Equal("Batch B-2026-0042 cannot go from Held to Completed. From Held it can go to: Running, Aborted.", ex.Message);
    }

    [Theory]
    [InlineData(BatchState.Created)]
    [InlineData(BatchState.Running)]
    [InlineData(BatchState.Held)]
    public void AbortsABatchNotYetEndedWithAReason(BatchState state)
    {
        var batch = NewBatch();
        if (state != BatchState.Created)
            batch.Start(Operator, At(1));
        if (state == BatchState.Held)
            batch.Hold("Alarm", Operator, At(2));

        var entry = batch.Abort(" Granulator failure ", Operator, At(5));

        Assert.Equal(BatchState.Aborted, batch.State);
        Assert.Equal("Granulator failure", batch.AbortReason);
        Assert.Null(batch.HoldReason);
        Assert.Equal(At(5), batch.CompletedAt);
        Assert.Equal(BatchRecordEntryKind.BatchAborted, entry.Kind);
        Assert.Equal("Granulator failure", entry.Text);
    }

    [Fact]
    public void RefusesToAbortWithoutAReason()
    {
        var batch = Running();

        var ex = Assert.Throws<DomainException>(() => batch.Abort("", Operator, At(5)));

        Assert.Equal("A reason for aborting a batch is required.", ex.Message);
        Assert.Equal(BatchState.Running, batch.State);
    }

    [Fact]
    public void ACompletedBatchCannotBeAborted()
    {
        var batch = Completed();

        var ex = Assert.Throws<DomainException>(() => batch.Abort("Too late", Operator, At(50)));

        Assert.Equal("Batch B-2026-0042 is Completed: its state can no longer change.", ex.Message);
        Assert.Null(batch.AbortReason);
    }
}
