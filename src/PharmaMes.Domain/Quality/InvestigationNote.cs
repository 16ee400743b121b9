using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Quality;

/// <summary>A dated note of the investigation of a quality exception; never changed or removed.</summary>
public class InvestigationNote
{
    public const int TextMaxLength = 4000;
    public const int UserNameMaxLength = 200;

    public Guid Id { get; private set; }
    public Guid QualityExceptionId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public string Text { get; private set; } = "";

    protected InvestigationNote() { }

    internal InvestigationNote(Guid qualityExceptionId, DateTimeOffset at, Guid userId, string userName, string text)
    {
        Id = Ids.New();
        QualityExceptionId = qualityExceptionId;
        At = at;
        UserId = userId;
        UserName = Guard.Text(userName, "The name of who wrote a note", UserNameMaxLength);
        Text = Guard.Text(text, "A note", TextMaxLength);
    }
}
