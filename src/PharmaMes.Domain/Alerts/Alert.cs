using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Alerts;

/// <summary>Something people must react to now: equipment down, a value past its limits.</summary>
public class Alert
{
    public const int SourceMaxLength = 64;
    public const int MessageMaxLength = 300;

    public Guid Id { get; private set; }
    public AlertKind Kind { get; private set; }
    /// <summary>What raised it, by its human code (equipment code, later material code).</summary>
    public string Source { get; private set; } = "";
    public string Message { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset? ClearedAt { get; private set; }

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

    /// <summary>The condition is over (stock replenished, equipment back up); the alert stays as history.</summary>
    public void Clear(DateTimeOffset at)
    {
        if (ClearedAt is not null)
            return;
        ClearedAt = at < RaisedAt ? RaisedAt : at;
    }

}
