using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;
using PharmaMes.Domain.Signatures;
using static PharmaMes.Domain.Tests.Production.TestProduction;

namespace PharmaMes.Domain.Tests.Quality;

public class QualityExceptionHandling
{
    private static readonly QualityExceptionNumber Number = new("QE-2026-0007");

    private static QualityException Raised(Batch? batch = null, int? step = null) =>
        QualityException.Raise(Number, QualityExceptionSeverity.Minor, " Torn label on a drum ",
            " Drum 3 of lot L-PARA-01 has a torn label. ", Operator, At(5), batch, step);

    [Fact]
    public void APersonRaisesAnOpenQualityExceptionAgainstABatchStep()
    {
        var batch = Running();

        var exception = Raised(batch, 1);

        Assert.NotEqual(Guid.Empty, exception.Id);
        Assert.Equal(Number, exception.Number);
        Assert.Equal(batch.Id, exception.BatchId);
        Assert.Equal(BatchNo, exception.BatchNumber);
        Assert.Equal(1, exception.StepNumber);
        Assert.Equal(QualityExceptionSeverity.Minor, exception.Severity);
        Assert.Equal(QualityExceptionSource.Manual, exception.Source);
        Assert.Equal(QualityExceptionStatus.Open, exception.Status);
        Assert.True(exception.IsOpen);
        Assert.Equal("Torn label on a drum", exception.Title);
        Assert.Equal("Drum 3 of lot L-PARA-01 has a torn label.", exception.Description);
        Assert.Equal(At(5), exception.RaisedAt);
        Assert.Equal(Operator.Id, exception.RaisedById);
        Assert.Equal("Olga Operator", exception.RaisedByName);
        Assert.Empty(exception.Notes);
        Assert.Null(exception.Closure);
    }

    [Fact]
    public void AQualityExceptionMayConcernNoBatch()
    {
        var exception = Raised();

        Assert.Null(exception.BatchId);
        Assert.Null(exception.BatchNumber);
        Assert.Null(exception.StepNumber);
    }

    [Fact]
    public void AStepIsNamedOnlyWithItsBatchAndMustExist()
    {
        Assert.Equal("A quality exception names a step only together with its batch.",
            Assert.Throws<DomainException>(() => Raised(null, 1)).Message);
        Assert.Equal("Batch B-2026-0042 has no step 7.",
            Assert.Throws<DomainException>(() => Raised(Running(), 7)).Message);
    }

    [Fact]
    public void RefusesAQualityExceptionWithoutTitleOrDescription()
    {
        Assert.Equal("A quality exception title is required.",
            Assert.Throws<DomainException>(() => QualityException.Raise(Number, QualityExceptionSeverity.Major, " ", "x", Operator, At(5))).Message);
        Assert.Equal("A quality exception description is required.",
            Assert.Throws<DomainException>(() => QualityException.Raise(Number, QualityExceptionSeverity.Major, "x", "", Operator, At(5))).Message);
    }

    [Fact]
    public void RefusesAnUnknownSeverity()
    {
        var ex = Assert.Throws<DomainException>(() => QualityException.Raise(Number, (QualityExceptionSeverity)7, "x", "y", Operator, At(5)));

        Assert.Equal("'7' is not a severity of quality exception.", ex.Message);
    }

    [Fact]
    public void InvestigationStartsAndNotesAreAddedInOrder()
    {
        var exception = Raised();

        exception.StartInvestigation(At(10));
        var first = exception.AddNote(" Supplier contacted. ", Qa, At(11));
        var second = exception.AddNote("Certificate received.", Qa, At(12));

        Assert.Equal(QualityExceptionStatus.UnderInvestigation, exception.Status);
        Assert.Equal(At(10), exception.InvestigationStartedAt);
        Assert.Equal([first, second], exception.Notes);
        Assert.Equal("Supplier contacted.", first.Text);
        Assert.Equal(exception.Id, first.QualityExceptionId);
        Assert.Equal(Qa.Id, first.UserId);
        Assert.Equal("Quinn QA", first.UserName);
        Assert.Equal(At(11), first.At);
    }

    [Fact]
    public void NotesMayBeAddedWhileStillOpen()
    {
        var exception = Raised();

        exception.AddNote("First look: label only.", Qa, At(6));

        Assert.Single(exception.Notes);
        Assert.Equal(QualityExceptionStatus.Open, exception.Status);
    }

    [Fact]
    public void RefusesAnEmptyNote()
    {
        var exception = Raised();

        var ex = Assert.Throws<DomainException>(() => exception.AddNote("  ", Qa, At(6)));

        Assert.Equal("A note is required.", ex.Message);
        Assert.Empty(exception.Notes);
    }

    [Fact]
    public void QaClosesWithAConclusion()
    {
        var exception = Raised();
        exception.StartInvestigation(At(10));

        exception.Close(" Label replaced; identity confirmed. No impact. ", Qa, At(20));

        Assert.Equal(QualityExceptionStatus.Closed, exception.Status);
        Assert.False(exception.IsOpen);
        Assert.Equal("Label replaced; identity confirmed. No impact.", exception.Closure);
        Assert.Equal(At(20), exception.ClosedAt);
        Assert.Equal(Qa.Id, exception.ClosedById);
        Assert.Equal("Quinn QA", exception.ClosedByName);
    }

    [Fact]
    public void AnOpenExceptionMayBeClosedWithoutAFormalInvestigation()
    {
        var exception = Raised();

        exception.Close("Label only; no impact.", Qa, At(20));

        Assert.Equal(QualityExceptionStatus.Closed, exception.Status);
        Assert.Null(exception.InvestigationStartedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void ClosingRequiresAConclusion(string? closure)
    {
        var exception = Raised();

        var ex = Assert.Throws<DomainException>(() => exception.Close(closure!, Qa, At(20)));

        Assert.Equal("A conclusion (root cause, impact, actions) to close a quality exception is required.", ex.Message);
        Assert.Equal(QualityExceptionStatus.Open, exception.Status);
        Assert.Null(exception.ClosedAt);
    }

    [Fact]
    public void AClosedExceptionTakesNoMoreNotesAndStaysClosed()
    {
        var exception = Raised();
        exception.Close("No impact.", Qa, At(20));

        var note = Assert.Throws<DomainException>(() => exception.AddNote("Late note", Qa, At(21)));
        var close = Assert.Throws<DomainException>(() => exception.Close("Again", Qa, At(21)));
        var investigate = Assert.Throws<DomainException>(() => exception.StartInvestigation(At(21)));

        Assert.Equal("Quality exception QE-2026-0007 is Closed: no more notes can be added; raise a new one for new facts.", note.Message);
        Assert.Equal("Quality exception QE-2026-0007 is already Closed.", close.Message);
        Assert.Equal("Quality exception QE-2026-0007 is Closed: its status can no longer change.", investigate.Message);
        Assert.Equal("No impact.", exception.Closure);
        Assert.Empty(exception.Notes);
    }

    [Fact]
    public void TheInvestigationStartsOnce()
    {
        var exception = Raised();
        exception.StartInvestigation(At(10));

        var ex = Assert.Throws<DomainException>(() => exception.StartInvestigation(At(11)));

        Assert.Equal("Quality exception QE-2026-0007 is already UnderInvestigation.", ex.Message);
        Assert.Equal(At(10), exception.InvestigationStartedAt);
    }

    // ----- The closure signature -----

    [Fact]
    public void TheClosureSignatureCoversTheNotesAndTheConclusion()
    {
        var exception = Raised();
        exception.AddNote("Supplier contacted.", Qa, At(11));
        exception.Close("No impact.", Qa, At(20));

        var text = exception.Content().Text;

        Assert.Contains("6:Number=12:QE-2026-0007\n", text, StringComparison.Ordinal);
        Assert.Contains("4:Note=19:Supplier contacted.\n", text, StringComparison.Ordinal);
        Assert.Contains("7:Closure=10:No impact.\n", text, StringComparison.Ordinal);
        Assert.Contains("6:Status=6:Closed\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheContentChangesWithEachNoteAndTheClosure()
    {
        var exception = Raised();
        var raised = exception.Content().Hash();
        exception.AddNote("Supplier contacted.", Qa, At(11));
        var noted = exception.Content().Hash();
        exception.Close("No impact.", Qa, At(20));

        Assert.NotEqual(raised, noted);
        Assert.NotEqual(noted, exception.Content().Hash());
    }

    [Fact]
    public void AClosureSignatureStaysValid()
    {
        var exception = Raised();
        exception.Close("No impact.", Qa, At(20));
        var signature = new ElectronicSignature(Qa.Id, "quinn", Qa.Name, SignatureMeaning.Approved, At(21), nameof(QualityException), exception.Id, exception.Content());

        Assert.True(signature.IsValidFor(exception.Content()));
        Assert.Throws<DomainException>(() => exception.AddNote("Tamper", Qa, At(22)));
        Assert.True(signature.IsValidFor(exception.Content()));
    }

    [Fact]
    public void ARaisedExceptionIsOpenUntilClosedForTheReleaseCount()
    {
        var exceptions = new[] { Raised(), Raised(), Raised() };
        exceptions[0].Close("No impact.", Qa, At(20));
        exceptions[1].StartInvestigation(At(20));

        Assert.Equal(2, exceptions.Count(e => e.IsOpen));
    }
}
