using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Production;

namespace PharmaMes.Web.Endpoints;

/// <summary>The electronic batch record of one batch: every entry in sequence, the signatures (checked now) and the quality exceptions.</summary>
public sealed record BatchRecordResource(
    string Number,
    string Product,
    string ProductName,
    string Order,
    int RecipeVersion,
    BatchState State,
    BatchDisposition Disposition,
    IReadOnlyList<BatchRecordEntryResource> Entries,
    IReadOnlyList<SignatureResource> Signatures,
    IReadOnlyList<QualityExceptionResource> Exceptions)
{
    public static BatchRecordResource Of(BatchRecordView record)
    {
        var b = record.Batch;
        var corrections = record.CorrectedBy;
        return new(b.Number.Value, b.ProductCode.Value, record.ProductName, record.OrderNumber, b.RecipeVersion, b.State, b.Disposition,
            record.Entries.Select(e => BatchRecordEntryResource.Of(e, corrections.GetValueOrDefault(e.Sequence))).ToList(),
            record.Signatures.Select(SignatureResource.Of).ToList(),
            record.Exceptions.Select(QualityExceptionResource.Of).ToList());
    }
}
