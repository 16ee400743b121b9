using PharmaMes.Domain.Quality;

namespace PharmaMes.Web.Endpoints;

/// <summary>A quality exception (deviation) of a batch: what happened, its handling, and QA's conclusion.</summary>
public sealed record QualityExceptionResource(
    string Number,
    int? Step,
    QualityExceptionSeverity Severity,
    QualityExceptionSource Source,
    QualityExceptionStatus Status,
    string Title,
    string Description,
    DateTimeOffset RaisedAt,
    string RaisedBy,
    DateTimeOffset? ClosedAt,
    string? ClosedBy,
    string? Closure,
    IReadOnlyList<InvestigationNoteResource> Notes)
{
    public static QualityExceptionResource Of(QualityException q) =>
        new(q.Number.Value, q.StepNumber, q.Severity, q.Source, q.Status, q.Title, q.Description, q.RaisedAt, q.RaisedByName,
            q.ClosedAt, q.ClosedByName, q.Closure, q.Notes.Select(InvestigationNoteResource.Of).ToList());
}
