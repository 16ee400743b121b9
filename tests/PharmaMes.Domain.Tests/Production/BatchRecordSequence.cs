using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;
using static PharmaMes.Domain.Tests.Production.TestProduction;

namespace PharmaMes.Domain.Tests.Production;

public class BatchRecordSequence
{
    [Fact]
    public void EntriesAreNumberedOneToNWithoutGaps()
    {
        var batch = Completed();

        var sequences = batch.NewEntries.Select(e => e.Sequence).ToList();

        Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);
        Assert.Equal(sequences.Count + 1, batch.NextEntrySequence);
        Assert.All(batch.NewEntries, e => Assert.Equal(batch.Id, e.BatchId));
        Assert.Equal(batch.NewEntries.Count, batch.NewEntries.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void TheRecordTellsTheStoryOfTheBatchInOrder()
    {
        var batch = Completed();

        Assert.Equal(
            [
                BatchRecordEntryKind.BatchCreated, BatchRecordEntryKind.BatchStarted,
                BatchRecordEntryKind.StepStarted, BatchRecordEntryKind.EquipmentUsed,
                BatchRecordEntryKind.MaterialDispensed, BatchRecordEntryKind.MaterialDispensed,
                BatchRecordEntryKind.StepCompleted, BatchRecordEntryKind.StepVerified,
                BatchRecordEntryKind.StepStarted, BatchRecordEntryKind.EquipmentUsed,
                BatchRecordEntryKind.ValueRecorded, BatchRecordEntryKind.ValueRecorded, BatchRecordEntryKind.StepCompleted,
                BatchRecordEntryKind.StepStarted, BatchRecordEntryKind.EquipmentUsed,
                BatchRecordEntryKind.ValueRecorded, BatchRecordEntryKind.ValueRecorded, BatchRecordEntryKind.StepCompleted,
                BatchRecordEntryKind.BatchCompleted,
            ],
            batch.NewEntries.Select(e => e.Kind));
    }

    [Fact]
    public void ARefusedActionUsesNoSequenceNumber()
    {
        var batch = Running();
        var next = batch.NextEntrySequence;

        Assert.Throws<DomainException>(() => batch.StartStep(2, Granulator(), Operator, At(5)));
        var entry = batch.StartStep(1, Booth(), Operator, At(6));

        Assert.Equal(next, entry.Sequence);
    }

    [Fact]
    public void TakeNewEntriesHandsThemOverOnceAndNumberingGoesOn()
    {
        var batch = Running();

        var taken = batch.TakeNewEntries();
        var entry = batch.AddComment(null, "Room temperature 21 °C", Operator, At(2));

        Assert.Equal([1, 2], taken.Select(e => e.Sequence));
        Assert.Equal(3, entry.Sequence);
        Assert.Equal([entry], batch.NewEntries);
        Assert.Equal([entry], batch.TakeNewEntries());
        Assert.Empty(batch.NewEntries);
    }

    [Fact]
    public void NewEntriesCannotBeChangedByTheCaller()
    {
        var entries = Running().NewEntries;

        Assert.IsNotType<List<BatchRecordEntry>>(entries);
        Assert.Throws<NotSupportedException>(() => ((IList<BatchRecordEntry>)entries).Add(entries[0]));
    }

    [Fact]
    public void AddsACommentToTheBatchOrAStepUntilTheDisposition()
    {
        var batch = Completed();

        var general = batch.AddComment(null, " Line clearance done by the night shift. ", Qa, At(60));
        var onStep = batch.AddComment(3, "Press sounded unusual.", Operator, At(61));

        Assert.Equal(BatchRecordEntryKind.Comment, general.Kind);
        Assert.Null(general.StepNumber);
        Assert.Equal("Line clearance done by the night shift.", general.Text);
        Assert.Equal(3, onStep.StepNumber);
    }

    [Fact]
    public void RefusesAnEmptyCommentOrOneOnAStepThatDoesNotExist()
    {
        var batch = Running();

        Assert.Equal("A comment is required.", Assert.Throws<DomainException>(() => batch.AddComment(null, " ", Operator, At(2))).Message);
        Assert.Equal("Batch B-2026-0042 has no step 9: its steps are numbered 1 to 3.",
            Assert.Throws<DomainException>(() => batch.AddComment(9, "Hello", Operator, At(2))).Message);
    }

    // ----- Excursions -----

    private static (Equipment Press, Excursion Excursion) PressExcursion()
    {
        var press = Press();
        var tag = press.DefineTag(new TagName("compression_force"), "Main compression force", new UnitOfMeasure("kN"), new ValueRange(10, 14), new ValueRange(8, 16));
        var excursion = Excursion.OpenIfOutside(tag, 17.5, At(31))!;
        excursion.Observe(18.2, At(32));
        return (press, excursion);
    }

    [Fact]
    public void RecordsAnExcursionAsTheSystem()
    {
        var batch = Running();
        var (press, excursion) = PressExcursion();

        var entry = batch.RecordExcursion(3, press, excursion, At(33));

        Assert.Equal(BatchRecordEntryKind.Excursion, entry.Kind);
        Assert.Null(entry.UserId);
        Assert.Equal("System", entry.UserName);
        Assert.Equal(3, entry.StepNumber);
        Assert.Equal("PRESS-01 compression_force", entry.Name);
        Assert.Equal(18.2, entry.Value);
        Assert.Equal(new UnitOfMeasure("kN"), entry.Unit);
        Assert.Equal(new ValueRange(8, 16), entry.Limits);
        Assert.Equal(EntryResult.OutOfLimits, entry.Result);
        Assert.Equal("High excursion of Main compression force since 2026-12-01 08:31:00 UTC.", entry.Text);
    }

    [Fact]
    public void RecordsAnExcursionWhileTheBatchIsHeld()
    {
        var batch = Running();
        batch.Hold("Press alarm", Operator, At(30));
        var (press, excursion) = PressExcursion();

        Assert.Equal(BatchRecordEntryKind.Excursion, batch.RecordExcursion(3, press, excursion, At(33)).Kind);
    }

    [Fact]
    public void RefusesAnExcursionOfOtherEquipmentOrOutsideTheRun()
    {
        var (_, excursion) = PressExcursion();

        Assert.Equal("The excursion of compression_force is not one of PRESS-01.",
            Assert.Throws<DomainException>(() => Running().RecordExcursion(3, Press(), excursion, At(33))).Message);
        Assert.Equal("Batch B-2026-0042 is Created: excursions are recorded while it runs or is held.",
            Assert.Throws<DomainException>(() => NewBatch().RecordExcursion(3, Press(), excursion, At(33))).Message);
    }

    // ----- Quality exceptions -----

    [Fact]
    public void NotesTheRaisingAndClosingOfAQualityException()
    {
        var batch = Running();
        var exception = QualityException.Raise(new QualityExceptionNumber("QE-2026-0007"), QualityExceptionSeverity.Minor,
            "Torn label on a drum", "Drum 3 of lot L-PARA-01 has a torn label.", Operator, At(5), batch, 1);

        var raised = batch.NoteQualityExceptionRaised(exception);
        exception.Close("Label replaced; identity confirmed by the supplier's certificate.", Qa, At(60));
        var closed = batch.NoteQualityExceptionClosed(exception);

        Assert.Equal(BatchRecordEntryKind.QualityExceptionRaised, raised.Kind);
        Assert.Equal("QE-2026-0007", raised.Name);
        Assert.Equal("Torn label on a drum", raised.Text);
        Assert.Equal(1, raised.StepNumber);
        Assert.Equal(Operator.Id, raised.UserId);
        Assert.Equal(At(5), raised.At);
        Assert.Equal(BatchRecordEntryKind.QualityExceptionClosed, closed.Kind);
        Assert.Equal(Qa.Id, closed.UserId);
        Assert.Equal("Label replaced; identity confirmed by the supplier's certificate.", closed.Text);
        Assert.Equal(At(60), closed.At);
    }

    [Fact]
    public void RefusesToNoteAQualityExceptionOfAnotherBatchOrOneStillOpen()
    {
        var batch = Running();
        var other = QualityException.Raise(new QualityExceptionNumber("QE-2026-0008"), QualityExceptionSeverity.Minor, "Other", "Other batch", Operator, At(5), Running());
        var open = QualityException.Raise(new QualityExceptionNumber("QE-2026-0009"), QualityExceptionSeverity.Minor, "Open", "Still open", Operator, At(5), batch);

        Assert.Equal("Quality exception QE-2026-0008 is not raised against batch B-2026-0042.",
            Assert.Throws<DomainException>(() => batch.NoteQualityExceptionRaised(other)).Message);
        Assert.Equal("Quality exception QE-2026-0009 is Open, not Closed.",
            Assert.Throws<DomainException>(() => batch.NoteQualityExceptionClosed(open)).Message);
    }
}
