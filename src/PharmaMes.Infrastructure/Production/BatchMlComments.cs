using System.Xml.Linq;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;
using static PharmaMes.Infrastructure.Production.BatchMl;

namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// BatchML comments: the remarks people wrote on the batch or a step, and the quality exceptions
/// (deviations) raised against the batch, each with its classification, investigation notes and
/// QA's conclusion. BatchML has no deviation element; a comment on the record entry that raised it
/// is the closest the schema comes.
/// </summary>
internal static class BatchMlComments
{
    public static IEnumerable<XElement> Comments(BatchRecordView record) =>
        record.Entries.Where(e => e.Kind == BatchRecordEntryKind.Comment).Select(e => Remark(record, e))
            .Concat(record.Exceptions.Select(q => Exception(record, q)));

    private static XElement Remark(BatchRecordView record, BatchRecordEntry entry) =>
        E("Comment",
            Entry($"Comment-{entry.Sequence}", "Comment", entry.At, null, $"Recorded as {EntryId(entry.Sequence)}."),
            E("RecordReference", entry.StepNumber is { } step ? StepId(step) : record.Batch.Number.Value),
            E("CommentText", entry.Text ?? ""),
            E("PersonID", entry.UserName));

    private static XElement Exception(BatchRecordView record, QualityException exception)
    {
        // The quality exception points at the entry that notes it in the record; without one, at its step or the batch.
        var noted = record.Entries.FirstOrDefault(e => e.Kind == BatchRecordEntryKind.QualityExceptionRaised && e.Name == exception.Number.Value);
        var reference = noted is not null ? EntryId(noted.Sequence)
            : exception.StepNumber is { } step ? StepId(step)
            : record.Batch.Number.Value;
        var texts = new List<string>
        {
            $"Severity: {exception.Severity}. Source: {exception.Source}. Status: {exception.Status}.",
            exception.Description,
        };
        texts.AddRange(exception.Notes.Select(n => $"Note by {n.UserName} at {Time(n.At)}: {n.Text}"));
        if (exception.Closure is { } closure)
            texts.Add($"Closed by {exception.ClosedByName} at {(exception.ClosedAt is { } at ? Time(at) : "")}: {closure}");
        return E("Comment",
            Entry(exception.Number.Value, Other("ObjectType", "Quality Exception"), exception.RaisedAt, null, exception.Title),
            E("RecordReference", reference),
            texts.Select(t => E("CommentText", t)),
            E("PersonID", exception.RaisedByName));
    }
}
