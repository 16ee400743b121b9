using PharmaMes.Domain.Production;

namespace PharmaMes.Web.Endpoints;

/// <summary>
/// One entry of the electronic batch record, every field as recorded. <c>correctsSequence</c> points
/// to the entry a correction supersedes; <c>correctedBy</c> to the latest correction of this one.
/// </summary>
public sealed record BatchRecordEntryResource(
    int Sequence,
    DateTimeOffset At,
    string User,
    Guid? UserId,
    BatchRecordEntryKind Kind,
    int? Step,
    string? Name,
    double? Value,
    double? Target,
    string? Unit,
    double? LowLimit,
    double? HighLimit,
    EntryResult? Result,
    string? Lot,
    decimal? Quantity,
    string? Text,
    int? CorrectsSequence,
    int? CorrectedBy,
    Guid? SignatureId)
{
    public static BatchRecordEntryResource Of(BatchRecordEntry e, BatchRecordEntry? correctedBy) =>
        new(e.Sequence, e.At, e.UserName, e.UserId, e.Kind, e.StepNumber, e.Name, e.Value, e.Target, e.Unit?.Symbol, e.LowLimit, e.HighLimit,
            e.Result, e.LotNumber?.Value, e.Amount, e.Text, e.CorrectsSequence, correctedBy?.Sequence, e.SignatureId);
}
