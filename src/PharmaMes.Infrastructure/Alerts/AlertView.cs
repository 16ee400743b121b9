using PharmaMes.Domain.Alerts;

namespace PharmaMes.Infrastructure.Alerts;

/// <summary>An alert as screens and the API show it: what happened, its ISA-18.2 state and who acknowledged it.</summary>
public sealed record AlertView(
    Guid Id,
    AlertKind Kind,
    string Source,
    string Message,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ClearedAt,
    AlarmState State,
    string? AcknowledgedBy,
    string? AcknowledgedByName,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgementComment)
{
    public static AlertView Of(Alert alert) =>
        new(alert.Id, alert.Kind, alert.Source, alert.Message, alert.RaisedAt, alert.ClearedAt, alert.State,
            alert.AcknowledgedBy, alert.AcknowledgedByName, alert.AcknowledgedAt, alert.AcknowledgementComment);
}
