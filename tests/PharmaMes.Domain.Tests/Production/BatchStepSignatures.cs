using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Signatures;
using PharmaMes.Domain.Tests.Recipes;
using static PharmaMes.Domain.Tests.Production.TestProduction;

namespace PharmaMes.Domain.Tests.Production;

public class BatchStepSignatures
{
    /// <summary>Steps 1 and 2 done; step 2 Granulation performed by the operator.</summary>
    private static Batch Granulated()
    {
        var batch = Running();
        DoDispensing(batch);
        DoGranulation(batch);
        return batch;
    }

    [Fact]
    public void RecordsThePerformersSignatureInTheBatchRecord()
    {
        var batch = Granulated();
        var signature = StepSignature(batch, 2, SignatureMeaning.Performed, Operator);

        var entry = batch.RecordStepSignature(2, signature);

        Assert.Equal(BatchRecordEntryKind.Signature, entry.Kind);
        Assert.Equal(2, entry.StepNumber);
        Assert.Equal("Performed", entry.Name);
        Assert.Equal(signature.Id, entry.SignatureId);
        Assert.Equal(Operator.Id, entry.UserId);
        Assert.Equal("Olga Operator", entry.UserName);
        Assert.Equal(signature.Manifestation, entry.Text);
        Assert.Equal(signature.SignedAt, entry.At);
    }

    [Fact]
    public void RecordsTheVerifiersSignature()
    {
        var batch = Granulated();

        var entry = batch.RecordStepSignature(1, StepSignature(batch, 1, SignatureMeaning.Verified, Verifier));

        Assert.Equal("Verified", entry.Name);
        Assert.Equal(Verifier.Id, entry.UserId);
    }

    [Fact]
    public void OnlyThePerformerSignsAsPerformed()
    {
        var batch = Granulated();

        var ex = Assert.Throws<DomainException>(() => batch.RecordStepSignature(2, StepSignature(batch, 2, SignatureMeaning.Performed, Verifier)));

        Assert.Equal("Only the person who performed Step 2 Granulation can sign it as Performed.", ex.Message);
    }

    [Fact]
    public void OnlyTheVerifierSignsAsVerified()
    {
        var batch = Granulated();

        var ex = Assert.Throws<DomainException>(() => batch.RecordStepSignature(1, StepSignature(batch, 1, SignatureMeaning.Verified, Operator)));

        Assert.Equal("Only the person who verified Step 1 Dispensing can sign it as Verified.", ex.Message);
    }

    [Fact]
    public void RefusesASignatureOfAnotherStep()
    {
        var batch = Granulated();

        var ex = Assert.Throws<DomainException>(() => batch.RecordStepSignature(2, StepSignature(batch, 1, SignatureMeaning.Performed, Operator)));

        Assert.Equal("The signature is not a signature of Step 2 Granulation of batch B-2026-0042.", ex.Message);
    }

    [Fact]
    public void RefusesAnotherMeaning()
    {
        var batch = Granulated();
        var signature = Sign(Operator, SignatureMeaning.Approved, nameof(BatchStep), batch.FindStep(2)!.Id, new SignedContent(), At(50));

        var ex = Assert.Throws<DomainException>(() => batch.RecordStepSignature(2, signature));

        Assert.Equal("A batch step is signed as Performed or Verified, not Approved.", ex.Message);
    }

    [Fact]
    public void RefusesASignatureOfContentThatChangedSince()
    {
        var batch = Granulated();
        var signature = StepSignature(batch, 2, SignatureMeaning.Performed, Operator);
        var original = batch.NewEntries.Single(e => e.Name == "Impeller speed");
        batch.CorrectValue(original, 310, "Transcription error", Operator, At(51));

        var ex = Assert.Throws<DomainException>(() => batch.RecordStepSignature(2, signature));

        Assert.Equal("The signature does not match Step 2 Granulation as it is now: sign it again.", ex.Message);
    }

    [Fact]
    public void AStepNotPerformedHasNothingToSign()
    {
        var batch = Running();

        Assert.Equal("Step 1 Dispensing has not been performed yet: there is nothing to sign.",
            Assert.Throws<DomainException>(() => batch.StepContent(1, SignatureMeaning.Performed)).Message);
        Assert.Equal("A batch step is signed as Performed or Verified, not Released.",
            Assert.Throws<DomainException>(() => batch.StepContent(1, SignatureMeaning.Released)).Message);
    }

    [Fact]
    public void AStepNotVerifiedHasNothingToSignAsVerified()
    {
        var batch = Granulated();

        var ex = Assert.Throws<DomainException>(() => batch.StepContent(2, SignatureMeaning.Verified));

        Assert.Equal("Step 2 Granulation has not been verified yet: there is nothing to sign as Verified.", ex.Message);
    }

    // ----- What a step signature signs -----

    [Fact]
    public void VerificationDoesNotInvalidateThePerformersSignature()
    {
        var batch = Running();
        batch.StartStep(1, Booth(), Operator, At(10));
        batch.RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, ReleasedLot(Paracetamol), KgOf(100), Operator, At(11));
        batch.RecordDispense(1, TestRecipes.Cellulose, Cellulose, ReleasedLot(Cellulose), KgOf(90), Operator, At(12));
        batch.CompleteStep(1, Operator, At(13));
        var performed = StepSignature(batch, 1, SignatureMeaning.Performed, Operator);

        batch.VerifyStep(1, Verifier, At(14));

        Assert.True(performed.IsValidFor(batch.StepContent(1, SignatureMeaning.Performed)));
        Assert.NotEqual(batch.StepContent(1, SignatureMeaning.Performed).Hash(), batch.StepContent(1, SignatureMeaning.Verified).Hash());
    }

    [Fact]
    public void ACorrectedValueInvalidatesTheStepSignatures()
    {
        var batch = Granulated();
        var performed = StepSignature(batch, 2, SignatureMeaning.Performed, Operator);
        var original = batch.NewEntries.Single(e => e.Name == "Granule moisture");

        batch.CorrectValue(original, 2.2, "Read the wrong sample", Operator, At(60));

        Assert.False(performed.IsValidFor(batch.StepContent(2, SignatureMeaning.Performed)));
    }

    [Fact]
    public void AnEntryElsewhereDoesNotInvalidateAStepSignature()
    {
        var batch = Granulated();
        var performed = StepSignature(batch, 2, SignatureMeaning.Performed, Operator);

        batch.AddComment(2, "Granules looked fine", Verifier, At(60));
        batch.StartStep(3, Press(), Operator, At(61));

        Assert.True(performed.IsValidFor(batch.StepContent(2, SignatureMeaning.Performed)));
    }

    [Fact]
    public void StepContentNamesTheBatchTheStepTheEquipmentAndTheValues()
    {
        var batch = Granulated();

        var text = batch.StepContent(2, SignatureMeaning.Performed).Text;

        Assert.Contains("5:Batch=11:B-2026-0042\n", text, StringComparison.Ordinal);
        Assert.Contains("9:Step name=11:Granulation\n", text, StringComparison.Ordinal);
        Assert.Contains("9:Equipment=7:GRAN-01\n", text, StringComparison.Ordinal);
        Assert.Contains("5:Value=14:Impeller speed\n8:Recorded=3:300\n", text, StringComparison.Ordinal);
        Assert.Contains("7:Outcome=9:Performed\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameStepInAnotherBatchSignsDifferentContent()
    {
        var one = Granulated();
        var other = Batch.Create(ReleasedOrder(), TestRecipes.Approved(), new BatchNumber("B-2026-0043"), KgOf(200), Planner, T0);
        other.Start(Operator, At(1));
        DoDispensing(other);
        DoGranulation(other);

        Assert.NotEqual(one.StepContent(2, SignatureMeaning.Performed).Hash(), other.StepContent(2, SignatureMeaning.Performed).Hash());
    }

    [Fact]
    public void ASkippedStepSignsItsReason()
    {
        var batch = Running();
        DoDispensing(batch);
        batch.SkipStep(2, "Direct compression trial", Operator, At(20));

        var text = batch.StepContent(2, SignatureMeaning.Performed).Text;

        Assert.Contains("7:Outcome=7:Skipped\n", text, StringComparison.Ordinal);
        Assert.Contains("11:Skip reason=24:Direct compression trial\n", text, StringComparison.Ordinal);
    }
}
