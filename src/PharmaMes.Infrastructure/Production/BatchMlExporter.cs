using System.Globalization;
using System.Xml.Linq;
using PharmaMes.Domain.Production;
using static PharmaMes.Infrastructure.Production.BatchMl;

namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// The electronic batch record as an ISA-88 BatchML <c>BatchProductionRecord</c> (B2MML V0700),
/// valid against BatchML-BatchProductionRecord.xsd: the batch, the master recipe it was made from,
/// its control recipe, every record entry as an event in sequence, corrections as changes, comments
/// and quality exceptions, and the electronic signatures. See docs/batchml-export.md for the mapping.
/// </summary>
/// <remarks>
/// The same record always gives the same document (no export time in it), so two exports can be
/// compared and an archived copy checked against the system.
/// </remarks>
public static class BatchMlExporter
{
    public static XDocument Export(BatchRecordView record)
    {
        var batch = record.Batch;
        var entries = record.Entries.ToDictionary(e => e.Sequence);
        var signatures = BatchMlSignatures.Ids(record);
        var corrections = record.Entries.Where(e => e.Kind == BatchRecordEntryKind.ValueCorrected).ToList();
        var comments = BatchMlComments.Comments(record).ToList();
        var manifests = BatchMlSignatures.Manifests(record).ToList();
        var lastChange = record.Entries.Select(e => e.At).DefaultIfEmpty(batch.CreatedAt).Max();
        var producedLot = batch.State == BatchState.Completed && batch.Disposition != BatchDisposition.PendingReview;

        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            E("BatchProductionRecord",
                new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName),
                E("ID", batch.Number.Value),
                Entry(batch.Number.Value, "Batch Production Record", batch.CreatedAt, record.OrderNumber,
                    $"Electronic batch record of batch {batch.Number}: {batch.PlannedQuantity} of {record.ProductName} ({batch.ProductCode}) "
                        + $"for order {record.OrderNumber}, made from version {batch.RecipeVersion} of the master recipe of {batch.ProductCode}.",
                    Standing(batch)),
                E("CreationDate", Time(batch.CreatedAt)),
                E("BatchID", batch.Number.Value),
                E("Language", "en"),
                E("LastChangedDate", Time(lastChange)),
                // The finished-goods lot carries the batch number; it exists once QA decided on a completed batch.
                producedLot ? E("LotID", batch.Number.Value) : null,
                E("MaterialDefinitionID", batch.ProductCode.Value),
                E("RecordStatus", batch.Disposition.ToString()),
                corrections.Count > 0 ? E("ChangeHistory", corrections.Select(c => Change(c, entries))) : null,
                comments.Count > 0 ? E("Comments", comments) : null,
                E("ControlRecipes", BatchMlControlRecipe.Record(record)),
                record.Entries.Count > 0 ? E("Events", record.Entries.OrderBy(e => e.Sequence).Select(e => BatchMlEvents.Event(e, entries, signatures))) : null,
                E("MasterRecipes", MasterRecipe(record)),
                manifests.Count > 0 ? E("PersonnelIdentification", manifests) : null));
    }

    /// <summary>Where the batch stands and QA's decision, with the reasons a reviewer looks for first.</summary>
    private static string Standing(Batch batch)
    {
        var parts = new List<string> { $"State: {batch.State}.", $"Disposition: {batch.Disposition}." };
        if (batch.DispositionAt is { } decided)
            parts.Add($"Decided by {batch.DispositionByName} at {Time(decided)}.");
        if (batch.HoldReason is { } hold)
            parts.Add($"Held: {hold}");
        if (batch.AbortReason is { } abort)
            parts.Add($"Aborted: {abort}");
        if (batch.RejectReason is { } reject)
            parts.Add($"Rejected: {reject}");
        return string.Join(" ", parts);
    }

    /// <summary>
    /// A corrected value as a change of the record: which entry it changes, the value before, and
    /// why. The correcting entry itself stays in the events, in its place in the sequence.
    /// </summary>
    private static XElement Change(BatchRecordEntry correction, IReadOnlyDictionary<int, BatchRecordEntry> entries)
    {
        var original = correction.CorrectsSequence is { } sequence ? entries.GetValueOrDefault(sequence) : null;
        var unit = correction.Unit is { } symbol ? $" {symbol}" : "";
        return E("Change",
            Entry($"Change-{correction.Sequence}", "Change", correction.At, null,
                $"{correction.Name} corrected to {(correction.Value is { } value ? Number(value) : "")}{unit} by {correction.UserName} in {EntryId(correction.Sequence)}."),
            E("RecordReference", correction.CorrectsSequence is { } corrected ? EntryId(corrected) : EntryId(correction.Sequence)),
            original?.Value is { } before
                ? Value("PrechangeData", Number(before), "double", original.Unit?.Symbol, original.Name)
                : E("PrechangeData", new XAttribute(Xsi + "nil", "true")),
            correction.Text is { } reason ? E("Reason", reason) : null);
    }

    /// <summary>The master recipe version the control recipe was copied from, by product and version as the MES names it.</summary>
    private static XElement MasterRecipe(BatchRecordView record)
    {
        var batch = record.Batch;
        var version = batch.RecipeVersion.ToString(CultureInfo.InvariantCulture);
        return E("MasterRecipeRecord",
            Entry("Master-Recipe", "Master Recipe", null, batch.RecipeId.ToString(),
                $"Version {version} of the master recipe of {batch.ProductCode}, from which the control recipe of batch {batch.Number} was made."),
            E("MasterRecipe",
                E("ID", batch.ProductCode.Value),
                E("Version", version),
                E("Description", record.ProductName)));
    }
}
