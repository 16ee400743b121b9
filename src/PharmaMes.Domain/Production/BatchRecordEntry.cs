using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Production;

/// <summary>
/// One entry of the electronic batch record: who did or saw what, when, in which step, with the
/// value, limits and result at that moment. Append-only: entries are created by <see cref="Batch"/>,
/// numbered 1..n per batch, and never changed or deleted; a wrong value is corrected by a new
/// entry that points to the old one and says why.
/// </summary>
public class BatchRecordEntry
{
    public const int UserNameMaxLength = 200;
    public const int NameMaxLength = 120;
    public const int TextMaxLength = 2000;

    public Guid Id { get; private set; }
    public Guid BatchId { get; private set; }
    /// <summary>1 for the first entry of the batch, then one more for each: no gaps, no repeats.</summary>
    public int Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>Null for what the system recorded by itself (an excursion reported by equipment).</summary>
    public Guid? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public BatchRecordEntryKind Kind { get; private set; }
    public int? StepNumber { get; private set; }
    /// <summary>What the entry is about: the parameter or check, the material code, the equipment code.</summary>
    public string? Name { get; private set; }
    public double? Value { get; private set; }
    /// <summary>The set point of a process parameter, or the target amount of a dispense.</summary>
    public double? Target { get; private set; }
    /// <summary>A reason, comment, instruction or description, depending on the kind.</summary>
    public string? Text { get; private set; }
    public UnitOfMeasure? Unit { get; private set; }
    public double? LowLimit { get; private set; }
    public double? HighLimit { get; private set; }
    public EntryResult? Result { get; private set; }
    public LotNumber? LotNumber { get; private set; }
    /// <summary>The weighed amount of a dispense, in <see cref="Unit"/>.</summary>
    public decimal? Amount { get; private set; }
    /// <summary>For a correction: the sequence of the entry it supersedes.</summary>
    public int? CorrectsSequence { get; private set; }
    public Guid? SignatureId { get; private set; }
    /// <summary>For a captured value: the tag it came from and the time of the readings it stands for.</summary>
    public TagName? CapturedTag { get; private set; }
    public DateTimeOffset? CapturedFrom { get; private set; }
    public DateTimeOffset? CapturedTo { get; private set; }

    public Quantity? Quantity => Amount is { } amount && Unit is { } unit ? new Quantity(amount, unit) : null;

    protected BatchRecordEntry() { }

    internal BatchRecordEntry(Guid batchId, int sequence, BatchRecordEntryKind kind, DateTimeOffset at, Guid? userId, string userName,
        int? stepNumber = null, string? name = null, double? value = null, double? target = null, string? text = null,
        UnitOfMeasure? unit = null, ValueRange? limits = null, EntryResult? result = null, LotNumber? lotNumber = null,
        decimal? amount = null, int? correctsSequence = null, Guid? signatureId = null)
    {
        Id = Ids.New();
        BatchId = batchId;
        Sequence = sequence;
        Kind = kind;
        At = at;
        UserId = userId;
        UserName = Guard.Text(userName, "The name of who made an entry", UserNameMaxLength);
        StepNumber = stepNumber;
        Name = Guard.OptionalText(name, "An entry name", NameMaxLength);
        Value = value;
        Target = target;
        Text = Guard.OptionalText(text, "An entry text", TextMaxLength);
        Unit = unit;
        LowLimit = limits?.Low;
        HighLimit = limits?.High;
        Result = result;
        LotNumber = lotNumber;
        Amount = amount;
        CorrectsSequence = correctsSequence;
        SignatureId = signatureId;
    }

    internal void CapturedFromReadings(CapturedReading reading)
    {
        CapturedTag = reading.Tag;
        CapturedFrom = reading.From;
        CapturedTo = reading.To;
    }

    public ValueRange? Limits => LowLimit is { } low && HighLimit is { } high ? new ValueRange(low, high) : null;
}
