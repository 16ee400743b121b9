using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;
using PharmaMes.Domain.Tests.Recipes;
using static PharmaMes.Domain.Tests.Production.TestProduction;

namespace PharmaMes.Domain.Tests.Quality;

public class AutomaticQualityExceptions
{
    private static readonly QualityExceptionNumber Number = new("QE-2026-0007");

    private static Batch Compressing()
    {
        var batch = Running();
        DoDispensing(batch);
        DoGranulation(batch);
        batch.StartStep(3, Press(), Operator, At(30));
        return batch;
    }

    [Fact]
    public void AnOutOfLimitValueRaisesAMajorExceptionOnItsStep()
    {
        var batch = Compressing();
        var entry = batch.RecordValue(3, "Main compression force", 15.2, Operator, At(31));

        var exception = QualityException.OutOfLimitValue(Number, batch, entry);

        Assert.Equal(QualityExceptionSource.Automatic, exception.Source);
        Assert.Equal(QualityExceptionSeverity.Major, exception.Severity);
        Assert.Equal(QualityExceptionStatus.Open, exception.Status);
        Assert.Equal(batch.Id, exception.BatchId);
        Assert.Equal(3, exception.StepNumber);
        Assert.Equal("Out-of-limit value: Main compression force in Step 3 Compression", exception.Title);
        Assert.Equal($"Main compression force was recorded as 15.2 kN, outside its limits 10 – 14 kN, by Olga Operator at 2026-12-01 08:31 UTC (batch record entry {entry.Sequence}).",
            exception.Description);
        Assert.Equal(At(31), exception.RaisedAt);
        Assert.Equal(Operator.Id, exception.RaisedById);
        Assert.Equal("Olga Operator", exception.RaisedByName);
    }

    [Fact]
    public void AnOutOfLimitCorrectionRaisesOneToo()
    {
        var batch = Compressing();
        var original = batch.RecordValue(3, "Tablet hardness", 100, Operator, At(31));
        var correction = batch.CorrectValue(original, 130, "Read the wrong display", Operator, At(32));

        var exception = QualityException.OutOfLimitValue(Number, batch, correction, QualityExceptionSeverity.Critical);

        Assert.Equal(QualityExceptionSeverity.Critical, exception.Severity);
        Assert.Equal("Out-of-limit value: Tablet hardness in Step 3 Compression", exception.Title);
    }

    [Fact]
    public void AValueWithinLimitsNeedsNoException()
    {
        var batch = Compressing();
        var entry = batch.RecordValue(3, "Main compression force", 12, Operator, At(31));

        var ex = Assert.Throws<DomainException>(() => QualityException.OutOfLimitValue(Number, batch, entry));

        Assert.Equal($"Entry {entry.Sequence} is within its limits: it needs no quality exception.", ex.Message);
    }

    [Fact]
    public void AnOutOfToleranceDispenseRaisesAnException()
    {
        var batch = Running();
        batch.StartStep(1, Booth(), Operator, At(10));
        var entry = batch.RecordDispense(1, TestRecipes.Paracetamol, Paracetamol, ReleasedLot(Paracetamol, "L-PARA-01"), KgOf(101.5m), Operator, At(11));

        var exception = QualityException.OutOfToleranceDispense(Number, batch, entry);

        Assert.Equal("Out-of-tolerance dispense: API-PARA in Step 1 Dispensing", exception.Title);
        Assert.Equal($"101.5 kg of API-PARA from lot L-PARA-01 was dispensed against a target of 100 kg, outside the tolerance 99 – 101 kg, by Olga Operator at 2026-12-01 08:11 UTC (batch record entry {entry.Sequence}).",
            exception.Description);
        Assert.Equal(1, exception.StepNumber);
    }

    [Fact]
    public void ASkippedStepRaisesAnException()
    {
        var batch = Running();
        DoDispensing(batch);
        var entry = batch.SkipStep(2, "Direct compression trial", Operator, At(20));

        var exception = QualityException.StepSkipped(Number, batch, entry);

        Assert.Equal("Step skipped: Step 2 Granulation", exception.Title);
        Assert.Equal($"Step 2 Granulation was skipped by Olga Operator at 2026-12-01 08:20 UTC (batch record entry {entry.Sequence}). Reason: Direct compression trial",
            exception.Description);
        Assert.Equal(2, exception.StepNumber);
        Assert.Equal(QualityExceptionSeverity.Major, exception.Severity);
    }

    [Fact]
    public void AnExcursionDuringAStepRaisesAnExceptionBySystem()
    {
        var batch = Compressing();
        var press = Press();
        var tag = press.DefineTag(new TagName("compression_force"), "Main compression force", new UnitOfMeasure("kN"), new ValueRange(10, 14), new ValueRange(8, 16));
        var excursion = Excursion.OpenIfOutside(tag, 17.5, At(33))!;
        var entry = batch.RecordExcursion(3, press, excursion, At(34));

        var exception = QualityException.ExcursionDuringStep(Number, batch, entry);

        Assert.Equal("Excursion during Step 3 Compression: PRESS-01 compression_force", exception.Title);
        Assert.StartsWith("PRESS-01 compression_force reached 17.5 kN, outside its alarm limits 8 – 16 kN, recorded at 2026-12-01 08:34 UTC", exception.Description);
        Assert.Null(exception.RaisedById);
        Assert.Equal("System", exception.RaisedByName);
    }

    [Fact]
    public void EachFactoryRefusesAnEntryOfAnotherKind()
    {
        var batch = Compressing();
        var value = batch.RecordValue(3, "Main compression force", 15.2, Operator, At(31));

        Assert.Equal("An out-of-tolerance dispense is raised from an entry of kind MaterialDispensed, not ValueRecorded.",
            Assert.Throws<DomainException>(() => QualityException.OutOfToleranceDispense(Number, batch, value)).Message);
        Assert.Equal("A skipped step is raised from an entry of kind StepSkipped, not ValueRecorded.",
            Assert.Throws<DomainException>(() => QualityException.StepSkipped(Number, batch, value)).Message);
        Assert.Equal("An excursion is raised from an entry of kind Excursion, not ValueRecorded.",
            Assert.Throws<DomainException>(() => QualityException.ExcursionDuringStep(Number, batch, value)).Message);
        Assert.Equal("An out-of-limit value is raised from an entry of kind ValueRecorded or ValueCaptured or ValueCorrected, not StepStarted.",
            Assert.Throws<DomainException>(() => QualityException.OutOfLimitValue(Number, batch, batch.NewEntries.First(e => e.Kind == BatchRecordEntryKind.StepStarted))).Message);
    }

    [Fact]
    public void RefusesAnEntryOfAnotherBatch()
    {
        var batch = Compressing();
        var entry = batch.RecordValue(3, "Main compression force", 15.2, Operator, At(31));

        var ex = Assert.Throws<DomainException>(() => QualityException.OutOfLimitValue(Number, Compressing(), entry));

        Assert.Equal($"Entry {entry.Sequence} is not an entry of batch B-2026-0042.", ex.Message);
    }

    [Theory]
    [InlineData("qe-2026-0007", "QE-2026-0007")]
    [InlineData(" DEV/26/7 ", "DEV/26/7")]
    public void ANumberIsStoredTrimmedAndUpperCase(string text, string expected)
    {
        Assert.Equal(expected, new QualityExceptionNumber(text).Value);
    }

    [Theory]
    [InlineData("QE 7", "The quality exception number 'QE 7' may hold only letters, digits, '-', '_', '.' and '/', and must start with a letter or digit.")]
    [InlineData(" ", "A quality exception number is required.")]
    public void RefusesABadNumber(string text, string expected)
    {
        Assert.Equal(expected, Assert.Throws<DomainException>(() => new QualityExceptionNumber(text)).Message);
    }
}
