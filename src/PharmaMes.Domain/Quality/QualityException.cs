using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Signatures;

namespace PharmaMes.Domain.Quality;

/// <summary>
/// A quality exception (deviation): something did not go as the recipe says. Raised by the system
/// on a rule or by a person, investigated with dated notes, and closed by QA with a conclusion
/// (root cause, impact, actions). A batch with an open quality exception cannot be released.
/// </summary>
public class QualityException : IBatchQualityException
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int ClosureMaxLength = 4000;
    public const int UserNameMaxLength = 200;

    private readonly List<InvestigationNote> _notes = [];

    public Guid Id { get; private set; }
    public QualityExceptionNumber Number { get; private set; }
    public Guid? BatchId { get; private set; }
    public BatchNumber? BatchNumber { get; private set; }
    public int? StepNumber { get; private set; }
    public QualityExceptionSeverity Severity { get; private set; }
    public QualityExceptionSource Source { get; private set; }
    public QualityExceptionStatus Status { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    /// <summary>Who raised it, or whose action made the system raise it; null when the system saw it by itself.</summary>
    public Guid? RaisedById { get; private set; }
    public string RaisedByName { get; private set; } = "";
    public DateTimeOffset? InvestigationStartedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? ClosedById { get; private set; }
    public string? ClosedByName { get; private set; }
    /// <summary>The conclusion QA closes with: root cause, impact on the product, actions taken.</summary>
    public string? Closure { get; private set; }
    public IReadOnlyList<InvestigationNote> Notes => [.. _notes.OrderBy(n => n.At).ThenBy(n => n.Id)];

    public bool IsOpen => Status != QualityExceptionStatus.Closed;

    string IBatchQualityException.Reference => Number.Value;

    string IBatchQualityException.Stage => Status.ToString();

    protected QualityException() { }

    private QualityException(QualityExceptionNumber number, QualityExceptionSeverity severity, QualityExceptionSource source,
        string title, string description, DateTimeOffset at, Guid? raisedById, string raisedByName, Batch? batch, int? stepNumber)
    {
        if (!Enum.IsDefined(severity))
            throw new DomainException($"'{severity}' is not a severity of quality exception.");
        if (stepNumber is { } step && (batch is null || batch.FindStep(step) is null))
            throw new DomainException(batch is null
                ? "A quality exception names a step only together with its batch."
                : $"Batch {batch.Number} has no step {step}.");
        Id = Ids.New();
        Number = number;
        Severity = severity;
        Source = source;
        Status = QualityExceptionStatus.Open;
        Title = Guard.Text(title, "A quality exception title", TitleMaxLength);
        Description = Guard.Text(description, "A quality exception description", DescriptionMaxLength);
        RaisedAt = at;
        RaisedById = raisedById;
        RaisedByName = Guard.Text(raisedByName, "The name of who raised a quality exception", UserNameMaxLength);
        BatchId = batch?.Id;
        BatchNumber = batch?.Number;
        StepNumber = stepNumber;
    }

    /// <summary>A quality exception raised by a person, against a batch (and step) or on its own.</summary>
    public static QualityException Raise(QualityExceptionNumber number, QualityExceptionSeverity severity, string title, string description,
        Person raisedBy, DateTimeOffset at, Batch? batch = null, int? stepNumber = null) =>
        new(number, severity, QualityExceptionSource.Manual, title, description, at, raisedBy.Id, raisedBy.Name, batch, stepNumber);

    // ----- Raised by the system, from the batch record entry that caused it -----

    /// <summary>For a parameter or check value recorded (or corrected) outside its limits.</summary>
    public static QualityException OutOfLimitValue(QualityExceptionNumber number, Batch batch, BatchRecordEntry entry,
        QualityExceptionSeverity severity = QualityExceptionSeverity.Major)
    {
        var step = StepOf(batch, entry, "An out-of-limit value", outOfLimitsOnly: true, BatchRecordEntryKind.ValueRecorded, BatchRecordEntryKind.ValueCaptured, BatchRecordEntryKind.ValueCorrected);
        return Automatic(number, severity, batch, entry,
            $"Out-of-limit value: {entry.Name} in {step.Label}",
            $"{entry.Name} was recorded as {entry.Value} {entry.Unit}, outside its limits {entry.LowLimit} – {entry.HighLimit} {entry.Unit}, "
            + $"by {entry.UserName} at {Time(entry.At)} (batch record entry {entry.Sequence}).");
    }

    /// <summary>For a material weighed outside its tolerance.</summary>
    public static QualityException OutOfToleranceDispense(QualityExceptionNumber number, Batch batch, BatchRecordEntry entry,
        QualityExceptionSeverity severity = QualityExceptionSeverity.Major)
    {
        var step = StepOf(batch, entry, "An out-of-tolerance dispense", outOfLimitsOnly: true, BatchRecordEntryKind.MaterialDispensed);
        return Automatic(number, severity, batch, entry,
            $"Out-of-tolerance dispense: {entry.Name} in {step.Label}",
            $"{entry.Quantity} of {entry.Name} from lot {entry.LotNumber} was dispensed against a target of {entry.Target} {entry.Unit}, "
            + $"outside the tolerance {entry.LowLimit} – {entry.HighLimit} {entry.Unit}, by {entry.UserName} at {Time(entry.At)} (batch record entry {entry.Sequence}).");
    }

    /// <summary>For a step skipped instead of performed.</summary>
    public static QualityException StepSkipped(QualityExceptionNumber number, Batch batch, BatchRecordEntry entry,
        QualityExceptionSeverity severity = QualityExceptionSeverity.Major)
    {
        var step = StepOf(batch, entry, "A skipped step", outOfLimitsOnly: false, BatchRecordEntryKind.StepSkipped);
        return Automatic(number, severity, batch, entry,
            $"Step skipped: {step.Label}",
            $"{step.Label} was skipped by {entry.UserName} at {Time(entry.At)} (batch record entry {entry.Sequence}). Reason: {entry.Text}");
    }

    /// <summary>For a process value of the equipment outside its alarm limits while a step ran on it.</summary>
    public static QualityException ExcursionDuringStep(QualityExceptionNumber number, Batch batch, BatchRecordEntry entry,
        QualityExceptionSeverity severity = QualityExceptionSeverity.Major)
    {
        var step = StepOf(batch, entry, "An excursion", outOfLimitsOnly: true, BatchRecordEntryKind.Excursion);
        return Automatic(number, severity, batch, entry,
            $"Excursion during {step.Label}: {entry.Name}",
            $"{entry.Name} reached {entry.Value} {entry.Unit}, outside its alarm limits {entry.LowLimit} – {entry.HighLimit} {entry.Unit}, "
            + $"recorded at {Time(entry.At)} (batch record entry {entry.Sequence}). {entry.Text}");
    }

    /// <summary>
    /// For a batch that used a unit whose calibration then failed: its measurements since the last good
    /// calibration are in doubt, and QA must assess them before the batch is released.
    /// </summary>
    public static QualityException CalibrationFailed(QualityExceptionNumber number, PlantCode equipment, string instrument, DateOnly failedOn,
        DateOnly? lastPassedOn, Batch? batch, int? stepNumber, Person recordedBy, DateTimeOffset at)
    {
        var since = lastPassedOn is { } passed ? $"since its last passed calibration on {passed:yyyy-MM-dd}" : "with no passed calibration on record";
        var title = batch is null
            ? $"Failed calibration: {equipment} {instrument}"
            : $"Failed calibration of {equipment} used by {batch.Number}";
        var description = $"The calibration of {instrument} on {equipment} on {failedOn:yyyy-MM-dd} failed, recorded by {recordedBy.Name} at {Time(at)}. "
            + (batch is null
                ? $"No batch used {equipment} {since}."
                : $"Batch {batch.Number} used {equipment} {since}: assess the measurements taken on it before release.");
        return new(number, QualityExceptionSeverity.Major, QualityExceptionSource.Automatic, title, description, at, recordedBy.Id, recordedBy.Name, batch, stepNumber);
    }

    // ----- Handling -----

    public void StartInvestigation(DateTimeOffset at)
    {
        QualityExceptionStatusMachine.EnsureCanChange(Status, QualityExceptionStatus.UnderInvestigation, Number);
        Status = QualityExceptionStatus.UnderInvestigation;
        InvestigationStartedAt = at;
    }

    public InvestigationNote AddNote(string text, Person by, DateTimeOffset at)
    {
        if (Status == QualityExceptionStatus.Closed)
            throw new DomainException($"Quality exception {Number} is Closed: no more notes can be added; raise a new one for new facts.");
        var note = new InvestigationNote(Id, at, by.Id, by.Name, text);
        _notes.Add(note);
        return note;
    }

    /// <summary>
    /// Closes with QA's conclusion. Only QA may close; the caller checks the role, the domain records
    /// who closed it. The caller then signs <see cref="Content"/>.
    /// </summary>
    public void Close(string closure, Person by, DateTimeOffset at)
    {
        var text = Guard.Text(closure, "A conclusion (root cause, impact, actions) to close a quality exception", ClosureMaxLength);
        QualityExceptionStatusMachine.EnsureCanChange(Status, QualityExceptionStatus.Closed, Number);
        Status = QualityExceptionStatus.Closed;
        Closure = text;
        ClosedAt = at;
        ClosedById = by.Id;
        ClosedByName = by.Name;
    }

    /// <summary>
    /// What the closure signature signs: what happened (batch, step, severity, title, description,
    /// when and by whom raised), every investigation note, and the conclusion with who closed it.
    /// </summary>
    public SignedContent Content()
    {
        var content = new SignedContent()
            .Add("Number", Number)
            .Add("Batch", BatchNumber)
            .Add("Step", StepNumber)
            .Add("Severity", Severity)
            .Add("Source", Source)
            .Add("Title", Title)
            .Add("Description", Description)
            .Add("Raised at", RaisedAt)
            .Add("Raised by", RaisedById)
            .Add("Notes", _notes.Count);
        foreach (var note in Notes)
            content.Add("Note at", note.At).Add("Note by", note.UserId).Add("Note", note.Text);
        return content.Add("Status", Status)
            .Add("Closure", Closure)
            .Add("Closed at", ClosedAt)
            .Add("Closed by", ClosedById);
    }

    private static QualityException Automatic(QualityExceptionNumber number, QualityExceptionSeverity severity, Batch batch, BatchRecordEntry entry,
        string title, string description) =>
        new(number, severity, QualityExceptionSource.Automatic, title, description, entry.At, entry.UserId, entry.UserName, batch, entry.StepNumber);

    private static BatchStep StepOf(Batch batch, BatchRecordEntry entry, string what, bool outOfLimitsOnly, params BatchRecordEntryKind[] kinds)
    {
        if (entry.BatchId != batch.Id)
            throw new DomainException($"Entry {entry.Sequence} is not an entry of batch {batch.Number}.");
        if (!kinds.Contains(entry.Kind))
            throw new DomainException($"{what} is raised from an entry of kind {string.Join(" or ", kinds)}, not {entry.Kind}.");
        if (outOfLimitsOnly && entry.Result != EntryResult.OutOfLimits)
            throw new DomainException($"Entry {entry.Sequence} is within its limits: it needs no quality exception.");
        return (entry.StepNumber is { } number ? batch.FindStep(number) : null)
            ?? throw new DomainException($"Entry {entry.Sequence} names no step of batch {batch.Number}.");
    }

    private static string Time(DateTimeOffset at) => $"{at.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
}
