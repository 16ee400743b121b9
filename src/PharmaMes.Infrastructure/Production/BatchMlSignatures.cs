using System.Xml.Linq;
using static PharmaMes.Infrastructure.Production.BatchMl;

namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// The electronic signatures of a batch record as BatchML personnel identification manifests, the
/// record's only construct for who vouched for which part of it. BatchML has no signature element:
/// the meaning goes into the change indication, what the schema has no field for (manifestation,
/// signer's user name, content hash, whether the signature is still valid) into descriptions.
/// </summary>
internal static class BatchMlSignatures
{
    /// <summary>The manifest entry id of each signature, numbered in signing order.</summary>
    public static IReadOnlyDictionary<Guid, string> Ids(BatchRecordView record) =>
        record.Signatures.Select((s, i) => (Signature: s.Signature.Id, Id: SignatureId(i + 1))).ToDictionary(s => s.Signature, s => s.Id);

    public static IEnumerable<XElement> Manifests(BatchRecordView record)
    {
        var ids = Ids(record);
        return record.Signatures.Select(view =>
        {
            var signature = view.Signature;
            return E("PersonnelIdentificationManifest",
                Entry(ids[signature.Id], "Personnel Identification Manifest", signature.SignedAt, signature.Id.ToString(),
                    view.Manifestation,
                    $"Signs: {view.Subject}",
                    $"User: {signature.SignerUserName}",
                    $"Content SHA-256: {signature.ContentHash}",
                    view.IsValid ? "Valid: true (the record still holds the signed content)" : "Valid: false (the signed content has changed since signing)"),
                E("RecordReference", Subject(record, signature.SubjectId)),
                E("Name", signature.PrintedName),
                E("ChangeIndication", signature.Meaning.ToString()),
                signature.Comment is { } comment ? E("Reason", comment) : null);
        });
    }

    /// <summary>What was signed, by the id it has in this document: a step, a quality exception, or the record itself.</summary>
    private static string Subject(BatchRecordView record, Guid subjectId) =>
        record.Batch.Steps.FirstOrDefault(s => s.Id == subjectId) is { } step ? StepId(step.Number)
        : record.Exceptions.FirstOrDefault(q => q.Id == subjectId) is { } exception ? exception.Number.Value
        : record.Batch.Number.Value;
}
