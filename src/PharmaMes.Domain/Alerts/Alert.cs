using System.Globalization;
using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Alerts;

/// <summary>Something people must react to now: equipment down, a value past its limits.</summary>
public class Alert
{
    public const int SourceMaxLength = 64;
    public const int MessageMaxLength = 300;
    public const int UserNameMaxLength = 200;
    public const int PersonNameMaxLength = 200;
    public const int CommentMaxLength = 500;

    public Guid Id { get; private set; }
    public AlertKind Kind { get; private set; }
    /// <summary>What raised it, by its human code (equipment code, later material code).</summary>
    public string Source { get; private set; } = "";
    public string Message { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset? ClearedAt { get; private set; }
    /// <summary>The user name of who acknowledged it; null until someone does.</summary>
    public string? AcknowledgedBy { get; private set; }
    /// <summary>Their full name at that moment, so a later rename does not change history.</summary>
    public string? AcknowledgedByName { get; private set; }
    /// <summary>Server time (UTC) of the acknowledgement.</summary>
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgementComment { get; private set; }

    protected Alert() { }

    public Alert(AlertKind kind, string source, string message, DateTimeOffset raisedAt)
    {
        Id = Ids.New();
        Kind = kind;
        Source = Guard.Text(source, "An alert source", SourceMaxLength);
        Message = Guard.Text(message, "An alert message", MessageMaxLength);
        RaisedAt = raisedAt;
    }

    public bool IsActive => ClearedAt is null;

    public bool IsAcknowledged => AcknowledgedAt is not null;

    /// <summary>The ISA-18.2 state: active or cleared, acknowledged or not.</summary>
    public AlarmState State => (IsActive, IsAcknowledged) switch
    {
        (true, false) => AlarmState.ActiveUnacknowledged,
        (true, true) => AlarmState.ActiveAcknowledged,
        (false, false) => AlarmState.ClearedUnacknowledged,
        (false, true) => AlarmState.Normal,
    };

    /// <summary>The condition is over (stock replenished, equipment back up); the alert stays as history.</summary>
    public void Clear(DateTimeOffset at)
    {
        if (ClearedAt is not null)
            return;
        ClearedAt = at < RaisedAt ? RaisedAt : at;
    }

    /// <summary>
    /// A person has seen the alert and answers for it (ISA-18.2 acknowledgement), with an optional comment.
    /// Once only: the first acknowledgement stays on the record.
    /// </summary>
    public void Acknowledge(string userName, string fullName, DateTimeOffset at, string? comment)
    {
        if (AcknowledgedAt is { } earlier)
            throw new AlertAlreadyAcknowledgedException(
                $"This alert was already acknowledged by {AcknowledgedByName} at {earlier.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.");
        var user = Guard.Text(userName, "The acknowledging user name", UserNameMaxLength);
        var name = Guard.Text(fullName, "The acknowledging person's name", PersonNameMaxLength);
        var text = Guard.OptionalText(comment, "An acknowledgement comment", CommentMaxLength);
        AcknowledgedBy = user;
        AcknowledgedByName = name;
        AcknowledgedAt = at;
        AcknowledgementComment = text;
    }
}
