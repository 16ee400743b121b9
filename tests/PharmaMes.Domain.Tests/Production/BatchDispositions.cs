using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Signatures;
using PharmaMes.Domain.Tests.Recipes;
using static PharmaMes.Domain.Tests.Production.TestProduction;

namespace PharmaMes.Domain.Tests.Production;

public class BatchDispositions
{
    // ----- Release -----

    [Fact]
    public void QaReleasesACompletedBatchWithASignature()
    {
        var batch = Completed();
        var signature = DispositionSignature(batch, SignatureMeaning.Released);

        var entry = batch.Release(signature, 0, At(100));

        Assert.Equal(BatchDisposition.Released, batch.Disposition);
        Assert.Equal(At(100), batch.DispositionAt);
        Assert.Equal(Qa.Id, batch.DispositionById);
        Assert.Equal("Quinn QA", batch.DispositionByName);
        Assert.Null(batch.RejectReason);
        Assert.Equal(BatchRecordEntryKind.Disposition, entry.Kind);
        Assert.Equal("Released", entry.Name);
        Assert.Equal(signature.Id, entry.SignatureId);
        Assert.Equal(Qa.Id, entry.UserId);
        Assert.Equal(BatchState.Completed, batch.State);
    }

    [Theory]
    [InlineData(1, "Batch B-2026-0042 has an open quality exception: close it before release.")]
    [InlineData(3, "Batch B-2026-0042 has 3 open quality exceptions: close them before release.")]
    public void ReleaseIsRefusedWithOpenQualityExceptions(int open, string expected)
    {
        var batch = Completed();
        var entries = batch.NewEntries.Count;

        var ex = Assert.Throws<DomainException>(() => batch.Release(DispositionSignature(batch, SignatureMeaning.Released), open, At(100)));

        Assert.Equal(expected, ex.Message);
        Assert.Equal(BatchDisposition.PendingReview, batch.Disposition);
        Assert.Equal(entries, batch.NewEntries.Count);
    }

    [Fact]
    public void RefusesANegativeCountOfOpenExceptions()
    {
        var batch = Completed();

        var ex = Assert.Throws<DomainException>(() => batch.Release(DispositionSignature(batch, SignatureMeaning.Released), -1, At(100)));

        Assert.Equal("The number of open quality exceptions cannot be negative.", ex.Message);
    }

    public static TheoryData<string> Executors => new("performer", "verifier", "starter");

    [Theory]
    [MemberData(nameof(Executors))]
    public void AReleaserWhoExecutedAStepIsRefused(string role)
    {
        var releaser = new Person(new Guid("0190b000-0000-7000-8000-0000000000aa"), "Rita Releaser");
        var batch = Running();
        switch (role)
        {
            case "performer":
                batch.StartStep(1, Booth(), Operator, At(10));
                batch.RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, ReleasedLot(Paracetamol), KgOf(100), Operator, At(11));
                batch.RecordDispense(1, TestRecipes.Cellulose, Cellulose, ReleasedLot(Cellulose), KgOf(90), Operator, At(12));
                batch.CompleteStep(1, releaser, At(13));
                batch.VerifyStep(1, Verifier, At(14));
                break;
            case "verifier":
                batch.StartStep(1, Booth(), Operator, At(10));
                batch.RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, ReleasedLot(Paracetamol), KgOf(100), Operator, At(11));
                batch.RecordDispense(1, TestRecipes.Cellulose, Cellulose, ReleasedLot(Cellulose), KgOf(90), Operator, At(12));
                batch.CompleteStep(1, Operator, At(13));
                batch.VerifyStep(1, releaser, At(14));
                break;
            default:
                batch.StartStep(1, Booth(), releaser, At(10));
                batch.RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, ReleasedLot(Paracetamol), KgOf(100), Operator, At(11));
                batch.RecordDispense(1, TestRecipes.Cellulose, Cellulose, ReleasedLot(Cellulose), KgOf(90), Operator, At(12));
                batch.CompleteStep(1, Operator, At(13));
                batch.VerifyStep(1, Verifier, At(14));
                break;
        }
        DoGranulation(batch);
        DoCompression(batch);
        batch.Complete(Operator, At(40));

        var ex = Assert.Throws<DomainException>(() => batch.Release(DispositionSignature(batch, SignatureMeaning.Released, releaser), 0, At(100)));

        Assert.Equal("The QA who releases a batch must not have performed or verified any of its steps.", ex.Message);
        Assert.Equal(BatchDisposition.PendingReview, batch.Disposition);
        // Anyone else may release it.
        batch.Release(DispositionSignature(batch, SignatureMeaning.Released), 0, At(100));
        Assert.Equal(BatchDisposition.Released, batch.Disposition);
    }

    [Fact]
    public void AReleaserWhoSkippedAStepIsRefused()
    {
        var batch = Running();
        DoDispensing(batch);
        batch.SkipStep(2, "Trial", Qa, At(20));
        DoCompression(batch);
        batch.Complete(Operator, At(40));

        var ex = Assert.Throws<DomainException>(() => batch.Release(DispositionSignature(batch, SignatureMeaning.Released), 0, At(100)));

        Assert.Equal("The QA who releases a batch must not have performed or verified any of its steps.", ex.Message);
    }

    [Theory]
    [InlineData(BatchState.Created)]
    [InlineData(BatchState.Running)]
    [InlineData(BatchState.Held)]
    [InlineData(BatchState.Aborted)]
    public void OnlyACompletedBatchCanBeReleased(BatchState state)
    {
        var batch = NewBatch();
        if (state != BatchState.Created)
            batch.Start(Operator, At(1));
        if (state == BatchState.Held)
            batch.Hold("Alarm", Operator, At(2));
        if (state == BatchState.Aborted)
            batch.Abort("Failure", Operator, At(2));

        var ex = Assert.Throws<DomainException>(() => batch.Release(DispositionSignature(batch, SignatureMeaning.Released), 0, At(100)));

        Assert.Equal($"Batch B-2026-0042 is {state}: only a Completed batch can be released.", ex.Message);
    }

    [Fact]
    public void ReleaseNeedsASignatureThatMeansReleased()
    {
        var batch = Completed();

        var ex = Assert.Throws<DomainException>(() => batch.Release(DispositionSignature(batch, SignatureMeaning.Reviewed), 0, At(100)));

        Assert.Equal("The signature means Reviewed; a released batch needs one that means Released.", ex.Message);
    }

    [Fact]
    public void ReleaseNeedsASignatureOfThisBatch()
    {
        var batch = Completed();
        var other = Sign(Qa, SignatureMeaning.Released, nameof(Batch), Guid.CreateVersion7(), batch.Content(), At(100));

        var ex = Assert.Throws<DomainException>(() => batch.Release(other, 0, At(100)));

        Assert.Equal("The signature is not a signature of batch B-2026-0042.", ex.Message);
    }

    [Fact]
    public void ReleaseNeedsASignatureOfTheRecordAsItIsNow()
    {
        var batch = Completed();
        var signature = DispositionSignature(batch, SignatureMeaning.Released);
        batch.AddComment(null, "Added after QA signed", Operator, At(90));

        var ex = Assert.Throws<DomainException>(() => batch.Release(signature, 0, At(100)));

        Assert.Equal("The signature does not match batch B-2026-0042 as it is now: review the record and sign again.", ex.Message);
        Assert.Equal(BatchDisposition.PendingReview, batch.Disposition);
    }

    [Fact]
    public void ADispositionIsFinal()
    {
        var batch = Completed();
        batch.Release(DispositionSignature(batch, SignatureMeaning.Released), 0, At(100));

        var again = Assert.Throws<DomainException>(() => batch.Release(DispositionSignature(batch, SignatureMeaning.Released), 0, At(101)));
        var reject = Assert.Throws<DomainException>(() => batch.Reject(DispositionSignature(batch, SignatureMeaning.Rejected), "Changed mind", At(101)));

        Assert.Equal("Batch B-2026-0042 is already Released: its disposition is final.", again.Message);
        Assert.Equal(again.Message, reject.Message);
        Assert.Equal(At(100), batch.DispositionAt);
    }

    // ----- Reject -----

    [Fact]
    public void QaRejectsACompletedBatchWithAReason()
    {
        var batch = Completed();
        var signature = DispositionSignature(batch, SignatureMeaning.Rejected);

        var entry = batch.Reject(signature, " Dissolution out of specification ", At(100));

        Assert.Equal(BatchDisposition.Rejected, batch.Disposition);
        Assert.Equal("Dissolution out of specification", batch.RejectReason);
        Assert.Equal(Qa.Id, batch.DispositionById);
        Assert.Equal(BatchRecordEntryKind.Disposition, entry.Kind);
        Assert.Equal("Rejected", entry.Name);
        Assert.Equal("Dissolution out of specification", entry.Text);
        Assert.Equal(signature.Id, entry.SignatureId);
    }

    [Fact]
    public void QaRejectsAnAbortedBatch()
    {
        var batch = Aborted();

        batch.Reject(DispositionSignature(batch, SignatureMeaning.Rejected), "Aborted: granulator failure", At(100));

        Assert.Equal(BatchDisposition.Rejected, batch.Disposition);
    }

    [Fact]
    public void RejectingIsAllowedWithOpenExceptionsAndBySomeoneWhoExecutedSteps()
    {
        var batch = Completed();

        batch.Reject(DispositionSignature(batch, SignatureMeaning.Rejected, Operator), "Operator error found in review", At(100));

        Assert.Equal(BatchDisposition.Rejected, batch.Disposition);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void RejectRequiresAReason(string? reason)
    {
        var batch = Completed();

        var ex = Assert.Throws<DomainException>(() => batch.Reject(DispositionSignature(batch, SignatureMeaning.Rejected), reason!, At(100)));

        Assert.Equal("A reason for rejecting a batch is required.", ex.Message);
        Assert.Equal(BatchDisposition.PendingReview, batch.Disposition);
    }

    [Theory]
    [InlineData(BatchState.Created)]
    [InlineData(BatchState.Running)]
    [InlineData(BatchState.Held)]
    public void ABatchStillToFinishCannotBeRejected(BatchState state)
    {
        var batch = NewBatch();
        if (state != BatchState.Created)
            batch.Start(Operator, At(1));
        if (state == BatchState.Held)
            batch.Hold("Alarm", Operator, At(2));

        var ex = Assert.Throws<DomainException>(() => batch.Reject(DispositionSignature(batch, SignatureMeaning.Rejected), "No", At(100)));

        Assert.Equal($"Batch B-2026-0042 is {state}: only a Completed or Aborted batch can be rejected.", ex.Message);
    }

    [Fact]
    public void RejectNeedsASignatureThatMeansRejected()
    {
        var batch = Completed();

        var ex = Assert.Throws<DomainException>(() => batch.Reject(DispositionSignature(batch, SignatureMeaning.Released), "No", At(100)));

        Assert.Equal("The signature means Released; a rejected batch needs one that means Rejected.", ex.Message);
    }

    // ----- The disposition signature -----

    [Fact]
    public void TheReleaseSignatureStaysValidForTheReleasedBatch()
    {
        var batch = Completed();
        var signature = DispositionSignature(batch, SignatureMeaning.Released);

        batch.Release(signature, 0, At(100));

        Assert.True(signature.IsValidFor(batch.Content()));
    }

    [Fact]
    public void AnEntryAppendedAfterReleaseInvalidatesTheReleaseSignature()
    {
        var batch = Completed();
        var signature = DispositionSignature(batch, SignatureMeaning.Released);
        batch.Release(signature, 0, At(100));

        var complaint = PharmaMes.Domain.Quality.QualityException.Raise(new PharmaMes.Domain.Quality.QualityExceptionNumber("QE-2026-0099"),
            PharmaMes.Domain.Quality.QualityExceptionSeverity.Major, "Customer complaint", "Broken tablets in two cartons.", Qa, At(200), batch);
        batch.NoteQualityExceptionRaised(complaint);

        Assert.False(signature.IsValidFor(batch.Content()));
    }

    [Fact]
    public void TheDispositionContentCoversEveryStepAndTheRecordLength()
    {
        var batch = Completed();

        var text = batch.Content().Text;

        Assert.Contains("5:Batch=11:B-2026-0042\n", text, StringComparison.Ordinal);
        Assert.Contains("7:Product=8:PARA-500\n", text, StringComparison.Ordinal);
        Assert.Contains("10:Step state=9:Completed\n", text, StringComparison.Ordinal);
        Assert.Contains($"7:Entries=2:{batch.NextEntrySequence - 1}\n", text, StringComparison.Ordinal);
        Assert.Contains($"10:Last entry=2:{batch.NextEntrySequence - 1}\n", text, StringComparison.Ordinal);
        Assert.Contains($"11:Verified by=36:{Verifier.Id}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDispositionContentChangesWithEveryEntry()
    {
        var batch = Completed();
        var before = batch.Content().Hash();

        batch.AddComment(null, "Remark", Operator, At(50));

        Assert.NotEqual(before, batch.Content().Hash());
    }

    [Fact]
    public void AReleasedRecordTakesNoMoreCommentsSoItsSignatureStaysValid()
    {
        var batch = Completed();
        var signature = DispositionSignature(batch, SignatureMeaning.Released);
        batch.Release(signature, 0, At(100));

        var refused = Assert.Throws<DomainException>(() => batch.AddComment(null, "Looked fine.", Qa, At(101)));

        Assert.Contains("Raise a quality exception", refused.Message);
        Assert.True(signature.IsValidFor(batch.Content()));
    }
}
