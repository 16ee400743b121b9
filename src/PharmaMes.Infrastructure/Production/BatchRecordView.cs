using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;

namespace PharmaMes.Infrastructure.Production;

/// <summary>Everything QA reviews of one batch: the batch and its steps, the whole record, its signatures (checked) and its quality exceptions.</summary>
public sealed record BatchRecordView(
    Batch Batch,
    string OrderNumber,
    string ProductName,
    IReadOnlyList<BatchRecordEntry> Entries,
    IReadOnlyList<SignatureView> Signatures,
    IReadOnlyList<QualityException> Exceptions)
{
    /// <summary>The entries review by exception starts with: anything out of limits, corrected, skipped, an excursion or an exception.</summary>
    public IReadOnlyList<BatchRecordEntry> Flagged => [.. Entries.Where(e => e.Result == EntryResult.OutOfLimits
        || e.Kind is BatchRecordEntryKind.ValueCorrected or BatchRecordEntryKind.StepSkipped or BatchRecordEntryKind.Excursion
            or BatchRecordEntryKind.QualityExceptionRaised or BatchRecordEntryKind.BatchAborted or BatchRecordEntryKind.BatchHeld)];

    public int OpenExceptions => Exceptions.Count(e => e.IsOpen);

    /// <summary>Entries superseded by a later correction, by sequence, so the record shows each value's history.</summary>
    public IReadOnlyDictionary<int, BatchRecordEntry> CorrectedBy => Entries.Where(e => e.CorrectsSequence is not null)
        .GroupBy(e => e.CorrectsSequence!.Value).ToDictionary(g => g.Key, g => g.Last());
}
