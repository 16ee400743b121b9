using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Tests.Plant;
using PharmaMes.Domain.Tests.Recipes;
using static PharmaMes.Domain.Tests.Production.TestProduction;

namespace PharmaMes.Domain.Tests.Production;

public class BatchStepSequence
{
    // ----- Starting steps in order -----

    [Fact]
    public void StartsTheFirstStepOnFitEquipment()
    {
        var batch = Running();
        var booth = Booth();

        var entry = batch.StartStep(1, booth, Operator, At(10));

        var step = batch.FindStep(1)!;
        Assert.Equal(StepState.InProgress, step.State);
        Assert.Equal(new PlantCode("BOOTH-1"), step.EquipmentCode);
        Assert.Equal(At(10), step.StartedAt);
        Assert.Equal(Operator.Id, step.StartedById);
        Assert.Equal("Olga Operator", step.StartedByName);
        Assert.Equal(BatchRecordEntryKind.StepStarted, entry.Kind);
        Assert.Equal(1, entry.StepNumber);
        Assert.Equal("Dispensing", entry.Name);
        var equipment = batch.NewEntries[^1];
        Assert.Equal(BatchRecordEntryKind.EquipmentUsed, equipment.Kind);
        Assert.Equal("BOOTH-1", equipment.Name);
        Assert.Equal(entry.Sequence + 1, equipment.Sequence);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void RefusesToStartAStepBeforeTheOnesBeforeItAreDone(int number)
    {
        var batch = Running();
        var equipment = number == 2 ? Granulator() : Press();

        var ex = Assert.Throws<DomainException>(() => batch.StartStep(number, equipment, Operator, At(10)));

        Assert.Equal($"{batch.FindStep(number)!.Label} cannot start before Step 1 Dispensing is completed or skipped (it is Pending).", ex.Message);
        Assert.Equal(StepState.Pending, batch.FindStep(number)!.State);
    }

    [Fact]
    public void RefusesToStartTheNextStepWhileTheCurrentOneIsInProgress()
    {
        var batch = Running();
        DoDispensing(batch);
        batch.StartStep(2, Granulator(), Operator, At(20));

        var ex = Assert.Throws<DomainException>(() => batch.StartStep(3, Press(), Operator, At(21)));

        Assert.Equal("Step 3 Compression cannot start before Step 2 Granulation is completed or skipped (it is InProgress).", ex.Message);
    }

    [Fact]
    public void StartsTheNextStepOnceTheOneBeforeIsCompleted()
    {
        var batch = Running();
        DoDispensing(batch);
        DoGranulation(batch);

        batch.StartStep(3, Press(), Operator, At(30));

        Assert.Equal(StepState.InProgress, batch.FindStep(3)!.State);
    }

    [Fact]
    public void StartsTheNextStepOnceTheOneBeforeIsSkipped()
    {
        var batch = Running();
        DoDispensing(batch);
        batch.SkipStep(2, "Direct compression trial", Operator, At(20));

        batch.StartStep(3, Press(), Operator, At(30));

        Assert.Equal(StepState.InProgress, batch.FindStep(3)!.State);
    }

    [Fact]
    public void RefusesToStartAStepTwice()
    {
        var batch = Running();
        batch.StartStep(1, Booth(), Operator, At(10));

        var ex = Assert.Throws<DomainException>(() => batch.StartStep(1, Booth(), Operator, At(11)));

        Assert.Equal("Step 1 Dispensing is already InProgress.", ex.Message);
    }

    [Fact]
    public void RefusesAStepNumberThatDoesNotExist()
    {
        var ex = Assert.Throws<DomainException>(() => Running().StartStep(4, null, Operator, At(10)));

        Assert.Equal("Batch B-2026-0042 has no step 4: its steps are numbered 1 to 3.", ex.Message);
    }

    // ----- Equipment gating -----

    [Fact]
    public void AStepThatNeedsEquipmentRefusesToStartWithoutIt()
    {
        var batch = Running();

        var ex = Assert.Throws<DomainException>(() => batch.StartStep(1, null, Operator, At(10)));

        Assert.Equal("Step 1 Dispensing runs on a DispensingBooth: choose the equipment to use.", ex.Message);
        Assert.Equal(StepState.Pending, batch.FindStep(1)!.State);
    }

    [Fact]
    public void AStepRefusesEquipmentOfAnotherClass()
    {
        var batch = Running();

        var ex = Assert.Throws<DomainException>(() => batch.StartStep(1, Granulator(), Operator, At(10)));

        Assert.Equal("Step 1 Dispensing runs on a DispensingBooth; GRAN-01 is a HighShearGranulator.", ex.Message);
    }

    [Fact]
    public void AStepRefusesEquipmentThatIsNotUsable()
    {
        var batch = Running();
        var booth = TestPlant.NewLine().AddEquipment(new PlantCode("BOOTH-2"), "Booth 2", EquipmentClass.DispensingBooth, TestPlant.Commissioned);

        var ex = Assert.Throws<DomainException>(() => batch.StartStep(1, booth, Operator, At(10)));

        Assert.Equal("BOOTH-2 cannot be used now: it is Offline, it has never been cleaned — major cleaning needed, it has no calibration on record — calibration needed.", ex.Message);
        Assert.Null(batch.FindStep(1)!.EquipmentCode);
        Assert.Equal(2, batch.NewEntries.Count);
    }

    [Fact]
    public void AStepWithoutEquipmentStartsWithoutOneAndRecordsNoEquipment()
    {
        var recipe = TestRecipes.Empty();
        recipe.AddStep("Line clearance", "Check the room.");
        recipe.Approve(TestRecipes.ApproverId, TestRecipes.ApprovedAt);
        var batch = Batch.Create(ReleasedOrder(), recipe, BatchNo, KgOf(100), Planner, T0);
        batch.Start(Operator, At(1));

        batch.StartStep(1, null, Operator, At(2));

        Assert.Null(batch.FindStep(1)!.EquipmentCode);
        Assert.DoesNotContain(batch.NewEntries, e => e.Kind == BatchRecordEntryKind.EquipmentUsed);
    }

    // ----- Completing -----

    [Fact]
    public void CompletingAStepWithoutVerificationCompletesIt()
    {
        var batch = Running();
        DoDispensing(batch);
        batch.StartStep(2, Granulator(), Operator, At(20));
        batch.RecordValue(2, "Impeller speed", 300, Operator, At(21));
        batch.RecordValue(2, "Granule moisture", 2, Operator, At(22));

        var entry = batch.CompleteStep(2, Operator, At(23));

        var step = batch.FindStep(2)!;
        Assert.Equal(StepState.Completed, step.State);
        Assert.Equal(Operator.Id, step.PerformedById);
        Assert.Equal("Olga Operator", step.PerformedByName);
        Assert.Equal(At(23), step.PerformedAt);
        Assert.Equal(At(23), step.CompletedAt);
        Assert.True(step.IsDone);
        Assert.Equal(BatchRecordEntryKind.StepCompleted, entry.Kind);
        Assert.Null(entry.Text);
    }

    [Fact]
    public void RefusesToCompleteAStepNotStarted()
    {
        var ex = Assert.Throws<DomainException>(() => Running().CompleteStep(1, Operator, At(10)));

        Assert.Equal("Step 1 Dispensing is Pending: only a step in progress can be completed.", ex.Message);
    }

    [Fact]
    public void RefusesToCompleteAStepWithValuesOrMaterialsNotRecorded()
    {
        var batch = Running();
        batch.StartStep(1, Booth(), Operator, At(10));
        batch.RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, ReleasedLot(Paracetamol), KgOf(100), Operator, At(11));

        var dispensing = Assert.Throws<DomainException>(() => batch.CompleteStep(1, Operator, At(12)));

        Assert.Equal("Step 1 Dispensing cannot be completed: nothing is recorded yet for EXC-MCC.", dispensing.Message);
        Assert.Equal(StepState.InProgress, batch.FindStep(1)!.State);
    }

    [Fact]
    public void RefusesToCompleteAStepWithAValueNotRecorded()
    {
        var batch = Running();
        DoDispensing(batch);
        batch.StartStep(2, Granulator(), Operator, At(20));

        var ex = Assert.Throws<DomainException>(() => batch.CompleteStep(2, Operator, At(21)));

        Assert.Equal("Step 2 Granulation cannot be completed: nothing is recorded yet for Impeller speed, Granule moisture.", ex.Message);
    }

    // ----- Skipping -----

    [Fact]
    public void SkipsAPendingStepWithAReason()
    {
        var batch = Running();
        DoDispensing(batch);

        var entry = batch.SkipStep(2, " Direct compression trial ", Operator, At(20));

        var step = batch.FindStep(2)!;
        Assert.Equal(StepState.Skipped, step.State);
        Assert.Equal("Direct compression trial", step.SkipReason);
        Assert.Equal(Operator.Id, step.PerformedById);
        Assert.Equal(At(20), step.CompletedAt);
        Assert.Equal(BatchRecordEntryKind.StepSkipped, entry.Kind);
        Assert.Equal("Direct compression trial", entry.Text);
        Assert.Equal(2, entry.StepNumber);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesToSkipWithoutAReason(string? reason)
    {
        var batch = Running();

        var ex = Assert.Throws<DomainException>(() => batch.SkipStep(1, reason!, Operator, At(10)));

        Assert.Equal("A reason for skipping Step 1 Dispensing is required.", ex.Message);
        Assert.Equal(StepState.Pending, batch.FindStep(1)!.State);
    }

    [Fact]
    public void RefusesToSkipAStepAheadOfTheSequence()
    {
        var batch = Running();

        var ex = Assert.Throws<DomainException>(() => batch.SkipStep(3, "Not needed", Operator, At(10)));

        Assert.Equal("Step 3 Compression cannot skip before Step 1 Dispensing is completed or skipped (it is Pending).", ex.Message);
    }

    [Fact]
    public void RefusesToSkipAStepInProgress()
    {
        var batch = Running();
        batch.StartStep(1, Booth(), Operator, At(10));

        var ex = Assert.Throws<DomainException>(() => batch.SkipStep(1, "Changed my mind", Operator, At(11)));

        Assert.Equal("Step 1 Dispensing cannot go from InProgress to Skipped. From InProgress it can go to: AwaitingVerification, Completed.", ex.Message);
    }

    // ----- Batch state -----

    public static TheoryData<string> StepActions => new("StartStep", "CompleteStep", "VerifyStep", "SkipStep", "RecordValue", "RecordDispense");

    private static void Act(Batch batch, string action, int minute)
    {
        switch (action)
        {
            case "StartStep": batch.StartStep(2, Granulator(), Operator, At(minute)); break;
            case "CompleteStep": batch.CompleteStep(2, Operator, At(minute)); break;
            case "VerifyStep": batch.VerifyStep(1, Verifier, At(minute)); break;
            case "SkipStep": batch.SkipStep(2, "Trial", Operator, At(minute)); break;
            case "RecordValue": batch.RecordValue(2, "Impeller speed", 300, Operator, At(minute)); break;
            case "RecordDispense": batch.RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, ReleasedLot(Paracetamol), KgOf(100), Operator, At(minute)); break;
            default: throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    [Theory]
    [MemberData(nameof(StepActions))]
    public void AHeldBatchRefusesEveryStepAction(string action)
    {
        var batch = Running();
        DoDispensing(batch);
        batch.Hold("Granulator alarm", Operator, At(15));
        var entries = batch.NewEntries.Count;

        var ex = Assert.Throws<DomainException>(() => Act(batch, action, 16));

        Assert.Equal("Batch B-2026-0042 is Held (Granulator alarm): no step can be started, completed, verified or skipped, and nothing recorded in a step, until it is resumed.", ex.Message);
        Assert.Equal(entries, batch.NewEntries.Count);
    }

    [Fact]
    public void AResumedBatchTakesStepActionsAgain()
    {
        var batch = Running();
        DoDispensing(batch);
        batch.Hold("Granulator alarm", Operator, At(15));
        batch.Resume(Operator, At(16));

        batch.StartStep(2, Granulator(), Operator, At(17));

        Assert.Equal(StepState.InProgress, batch.FindStep(2)!.State);
    }

    [Theory]
    [MemberData(nameof(StepActions))]
    public void ABatchNotStartedRefusesEveryStepAction(string action)
    {
        var batch = NewBatch();

        var ex = Assert.Throws<DomainException>(() => Act(batch, action, 5));

        Assert.Equal("Batch B-2026-0042 has not been started: start the batch before its steps.", ex.Message);
    }

    [Theory]
    [MemberData(nameof(StepActions))]
    public void AnAbortedBatchRefusesEveryStepAction(string action)
    {
        var ex = Assert.Throws<DomainException>(() => Act(Aborted(), action, 6));

        Assert.Equal("Batch B-2026-0042 is Aborted: its steps can no longer change.", ex.Message);
    }
}
