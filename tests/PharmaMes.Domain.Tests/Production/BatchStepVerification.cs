using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Tests.Recipes;
using static PharmaMes.Domain.Tests.Production.TestProduction;

namespace PharmaMes.Domain.Tests.Production;

public class BatchStepVerification
{
    /// <summary>Step 1 Dispensing (needs verification) performed by the operator, not yet verified.</summary>
    private static Batch Performed()
    {
        var batch = Running();
        batch.StartStep(1, Booth(), Operator, At(10));
        batch.RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, ReleasedLot(Paracetamol), KgOf(100), Operator, At(11));
        batch.RecordDispense(1, TestRecipes.Cellulose, Cellulose, ReleasedLot(Cellulose), KgOf(90), Operator, At(12));
        batch.CompleteStep(1, Operator, At(13));
        return batch;
    }

    [Fact]
    public void APerformedStepThatNeedsVerificationAwaitsIt()
    {
        var batch = Performed();

        var step = batch.FindStep(1)!;
        Assert.Equal(StepState.AwaitingVerification, step.State);
        Assert.Equal(Operator.Id, step.PerformedById);
        Assert.Equal(At(13), step.PerformedAt);
        Assert.Null(step.CompletedAt);
        Assert.False(step.IsDone);
        Assert.Equal("Awaiting verification.", batch.NewEntries[^1].Text);
    }

    [Fact]
    public void TheNextStepWaitsForTheVerification()
    {
        var batch = Performed();

        var ex = Assert.Throws<DomainException>(() => batch.StartStep(2, Granulator(), Operator, At(14)));

        Assert.Equal("Step 2 Granulation cannot start before Step 1 Dispensing is completed or skipped (it is AwaitingVerification).", ex.Message);
    }

    [Fact]
    public void ASecondPersonVerifiesAndCompletesTheStep()
    {
        var batch = Performed();

        var entry = batch.VerifyStep(1, Verifier, At(14));

        var step = batch.FindStep(1)!;
        Assert.Equal(StepState.Completed, step.State);
        Assert.Equal(Verifier.Id, step.VerifiedById);
        Assert.Equal("Victor Verifier", step.VerifiedByName);
        Assert.Equal(At(14), step.VerifiedAt);
        Assert.Equal(At(14), step.CompletedAt);
        Assert.Equal(BatchRecordEntryKind.StepVerified, entry.Kind);
        Assert.Equal(Verifier.Id, entry.UserId);
        batch.StartStep(2, Granulator(), Operator, At(15));
    }

    [Fact]
    public void ThePerformerCannotVerifyTheirOwnStep()
    {
        var batch = Performed();
        var entries = batch.NewEntries.Count;

        var ex = Assert.Throws<DomainException>(() => batch.VerifyStep(1, Operator, At(14)));

        Assert.Equal("The person who performed a step cannot verify it: a second person must.", ex.Message);
        Assert.Equal(StepState.AwaitingVerification, batch.FindStep(1)!.State);
        Assert.Null(batch.FindStep(1)!.VerifiedById);
        Assert.Equal(entries, batch.NewEntries.Count);
    }

    [Fact]
    public void ThePerformerIsComparedByIdNotByName()
    {
        var batch = Performed();
        var namesake = new Person(new Guid("0190b000-0000-7000-8000-000000000099"), Operator.Name);

        batch.VerifyStep(1, namesake, At(14));

        Assert.Equal(StepState.Completed, batch.FindStep(1)!.State);
    }

    [Fact]
    public void AStepInProgressCannotBeVerified()
    {
        var batch = Running();
        batch.StartStep(1, Booth(), Operator, At(10));

        var ex = Assert.Throws<DomainException>(() => batch.VerifyStep(1, Verifier, At(11)));

        Assert.Equal("Step 1 Dispensing is InProgress: only a performed step awaiting verification can be verified.", ex.Message);
    }

    [Fact]
    public void AVerifiedStepCannotBeVerifiedAgain()
    {
        var batch = Performed();
        batch.VerifyStep(1, Verifier, At(14));

        var ex = Assert.Throws<DomainException>(() => batch.VerifyStep(1, Qa, At(15)));

        Assert.Equal("Step 1 Dispensing is Completed: only a performed step awaiting verification can be verified.", ex.Message);
        Assert.Equal(Verifier.Id, batch.FindStep(1)!.VerifiedById);
    }

    [Fact]
    public void AStepThatDoesNotNeedVerificationCannotBeVerified()
    {
        var batch = Running();
        DoDispensing(batch);
        DoGranulation(batch);

        var ex = Assert.Throws<DomainException>(() => batch.VerifyStep(2, Verifier, At(24)));

        Assert.Equal("Step 2 Granulation does not need verification.", ex.Message);
        Assert.Null(batch.FindStep(2)!.VerifiedById);
    }
}
