using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Signatures;
using static PharmaMes.Domain.Tests.Production.TestProduction;

namespace PharmaMes.Domain.Tests.Production;

public class BatchValues
{
    /// <summary>Step 3 Compression in progress: force 10 – 14 kN (target 12), hardness 80 – 120 N.</summary>
    private static Batch Compressing()
    {
        var batch = Running();
        DoDispensing(batch);
        DoGranulation(batch);
        batch.StartStep(3, Press(), Operator, At(30));
        return batch;
    }

    [Fact]
    public void RecordsAValueWithItsLimitsAndResult()
    {
        var batch = Compressing();

        var entry = batch.RecordValue(3, "main compression force", 12.4, Operator, At(31));

        Assert.Equal(BatchRecordEntryKind.ValueRecorded, entry.Kind);
        Assert.Equal(3, entry.StepNumber);
        Assert.Equal("Main compression force", entry.Name);
        Assert.Equal(12.4, entry.Value);
        Assert.Equal(12, entry.Target);
        Assert.Equal(new UnitOfMeasure("kN"), entry.Unit);
        Assert.Equal(10, entry.LowLimit);
        Assert.Equal(14, entry.HighLimit);
        Assert.Equal(new ValueRange(10, 14), entry.Limits);
        Assert.Equal(EntryResult.WithinLimits, entry.Result);
        Assert.Equal(Operator.Id, entry.UserId);
        Assert.Equal(At(31), entry.At);
        var value = batch.FindStep(3)!.FindValue("Main compression force")!;
        Assert.Equal(12.4, value.LastValue);
        Assert.Equal(entry.Sequence, value.LastEntrySequence);
        Assert.Equal(EntryResult.WithinLimits, value.LastResult);
    }

    [Theory]
    [InlineData(80, EntryResult.WithinLimits)]
    [InlineData(120, EntryResult.WithinLimits)]
    [InlineData(79.9, EntryResult.OutOfLimits)]
    [InlineData(120.1, EntryResult.OutOfLimits)]
    public void ChecksAnInProcessCheckAgainstItsLimitsInclusive(double value, EntryResult expected)
    {
        var entry = Compressing().RecordValue(3, "Tablet hardness", value, Operator, At(31));

        Assert.Equal(expected, entry.Result);
        Assert.Null(entry.Target);
    }

    [Fact]
    public void AnOutOfLimitValueIsRecordedAndFlaggedNotRefused()
    {
        var batch = Compressing();

        var entry = batch.RecordValue(3, "Main compression force", 15.2, Operator, At(31));

        Assert.Equal(EntryResult.OutOfLimits, entry.Result);
        Assert.Equal(15.2, entry.Value);
        Assert.Contains(entry, batch.NewEntries);
        Assert.Equal(EntryResult.OutOfLimits, batch.FindStep(3)!.FindValue("Main compression force")!.LastResult);
    }

    [Fact]
    public void RecordingAgainKeepsBothEntriesAndTheLatestValue()
    {
        var batch = Compressing();
        var first = batch.RecordValue(3, "Tablet hardness", 95, Operator, At(31));

        var second = batch.RecordValue(3, "Tablet hardness", 101, Operator, At(41));

        Assert.Equal(first.Sequence + 1, second.Sequence);
        Assert.Equal(95, first.Value);
        Assert.Equal(101, batch.FindStep(3)!.FindValue("Tablet hardness")!.LastValue);
    }

    [Fact]
    public void RefusesAValueTheStepDoesNotHave()
    {
        var ex = Assert.Throws<DomainException>(() => Compressing().RecordValue(3, "Impeller speed", 300, Operator, At(31)));

        Assert.Equal("Step 3 Compression has no parameter or check named 'Impeller speed'.", ex.Message);
    }

    [Fact]
    public void RefusesAValueForAStepNotInProgress()
    {
        var batch = Compressing();

        var pending = Assert.Throws<DomainException>(() => Running().RecordValue(2, "Impeller speed", 300, Operator, At(31)));
        var completed = Assert.Throws<DomainException>(() => batch.RecordValue(2, "Impeller speed", 300, Operator, At(31)));

        Assert.Equal("Step 2 Granulation is Pending: values are recorded only while a step is in progress.", pending.Message);
        Assert.Equal("Step 2 Granulation is Completed: values are recorded only while a step is in progress.", completed.Message);
    }

    [Fact]
    public void RefusesANonFiniteValue()
    {
        var batch = Compressing();
        var entries = batch.NewEntries.Count;

        var ex = Assert.Throws<DomainException>(() => batch.RecordValue(3, "Tablet hardness", double.NaN, Operator, At(31)));

        Assert.Equal("A recorded value must be a finite number.", ex.Message);
        Assert.Equal(entries, batch.NewEntries.Count);
    }

    // ----- Corrections -----

    [Fact]
    public void ACorrectionIsANewEntryPointingToTheOriginalWithTheReason()
    {
        var batch = Compressing();
        var original = batch.RecordValue(3, "Main compression force", 21, Operator, At(31));

        var correction = batch.CorrectValue(original, 12.1, " Typing error: 21 for 12.1 ", Verifier, At(32));

        Assert.Equal(BatchRecordEntryKind.ValueCorrected, correction.Kind);
        Assert.Equal(original.Sequence, correction.CorrectsSequence);
        Assert.Equal(original.Sequence + 1, correction.Sequence);
        Assert.Equal("Typing error: 21 for 12.1", correction.Text);
        Assert.Equal(12.1, correction.Value);
        Assert.Equal(EntryResult.WithinLimits, correction.Result);
        Assert.Equal(new ValueRange(10, 14), correction.Limits);
        Assert.Equal(Verifier.Id, correction.UserId);
        // The original stays exactly as it was.
        Assert.Equal(21, original.Value);
        Assert.Equal(EntryResult.OutOfLimits, original.Result);
        Assert.Null(original.CorrectsSequence);
        var value = batch.FindStep(3)!.FindValue("Main compression force")!;
        Assert.Equal(12.1, value.LastValue);
        Assert.Equal(correction.Sequence, value.LastEntrySequence);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void ACorrectionRequiresAReason(string? reason)
    {
        var batch = Compressing();
        var original = batch.RecordValue(3, "Main compression force", 21, Operator, At(31));
        var entries = batch.NewEntries.Count;

        var ex = Assert.Throws<DomainException>(() => batch.CorrectValue(original, 12.1, reason!, Operator, At(32)));

        Assert.Equal("A reason for the correction is required.", ex.Message);
        Assert.Equal(entries, batch.NewEntries.Count);
        Assert.Equal(21, batch.FindStep(3)!.FindValue("Main compression force")!.LastValue);
    }

    [Fact]
    public void ACorrectionMayItselfBeCorrected()
    {
        var batch = Compressing();
        var original = batch.RecordValue(3, "Tablet hardness", 10, Operator, At(31));
        var first = batch.CorrectValue(original, 1000, "Typing error", Operator, At(32));

        var second = batch.CorrectValue(first, 100, "Typing error again", Operator, At(33));

        Assert.Equal(first.Sequence, second.CorrectsSequence);
        Assert.Equal(100, batch.FindStep(3)!.FindValue("Tablet hardness")!.LastValue);
    }

    [Fact]
    public void CorrectingAnOlderReadingDoesNotReplaceANewerOne()
    {
        var batch = Compressing();
        var older = batch.RecordValue(3, "Tablet hardness", 10, Operator, At(31));
        var newer = batch.RecordValue(3, "Tablet hardness", 101, Operator, At(41));

        batch.CorrectValue(older, 100, "Typing error", Operator, At(42));

        var value = batch.FindStep(3)!.FindValue("Tablet hardness")!;
        Assert.Equal(101, value.LastValue);
        Assert.Equal(newer.Sequence, value.LastEntrySequence);
    }

    [Fact]
    public void ACorrectionOutOfLimitsIsFlagged()
    {
        var batch = Compressing();
        var original = batch.RecordValue(3, "Main compression force", 12, Operator, At(31));

        var correction = batch.CorrectValue(original, 16, "Read the wrong display", Operator, At(32));

        Assert.Equal(EntryResult.OutOfLimits, correction.Result);
    }

    [Fact]
    public void ACompletedStepMayStillBeCorrectedBeforeDisposition()
    {
        var batch = Running();
        DoDispensing(batch);
        DoGranulation(batch);
        var original = batch.NewEntries.Single(e => e.Name == "Impeller speed");

        var correction = batch.CorrectValue(original, 310, "Transcription error", Operator, At(25));

        Assert.Equal(310, batch.FindStep(2)!.FindValue("Impeller speed")!.LastValue);
        Assert.Equal(original.Sequence, correction.CorrectsSequence);
    }

    [Fact]
    public void OnlyARecordedValueCanBeCorrected()
    {
        var batch = Compressing();
        var started = batch.NewEntries.Single(e => e.Kind == BatchRecordEntryKind.StepStarted && e.StepNumber == 3);

        var ex = Assert.Throws<DomainException>(() => batch.CorrectValue(started, 12, "Wrong", Operator, At(31)));

        Assert.Equal($"Entry {started.Sequence} is a StepStarted entry: only a recorded value can be corrected.", ex.Message);
    }

    [Fact]
    public void AnEntryOfAnotherBatchCannotBeCorrected()
    {
        var other = Compressing();
        var original = other.RecordValue(3, "Tablet hardness", 10, Operator, At(31));

        var ex = Assert.Throws<DomainException>(() => Compressing().CorrectValue(original, 100, "Wrong", Operator, At(32)));

        Assert.Equal($"Entry {original.Sequence} is not an entry of batch B-2026-0042.", ex.Message);
    }

    [Fact]
    public void AReleasedRecordCannotBeCorrected()
    {
        var batch = Completed();
        var original = batch.NewEntries.Single(e => e.Name == "Tablet hardness");
        batch.Release(DispositionSignature(batch, SignatureMeaning.Released), 0, At(100));

        var ex = Assert.Throws<DomainException>(() => batch.CorrectValue(original, 99, "Late correction", Operator, At(101)));

        Assert.Equal("Batch B-2026-0042 is Released: its record can no longer be corrected.", ex.Message);
    }
}
