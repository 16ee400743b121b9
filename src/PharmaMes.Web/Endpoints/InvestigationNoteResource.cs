using PharmaMes.Domain.Quality;

namespace PharmaMes.Web.Endpoints;

/// <summary>A dated note of the investigation of a quality exception.</summary>
public sealed record InvestigationNoteResource(DateTimeOffset At, string User, string Text)
{
    public static InvestigationNoteResource Of(InvestigationNote n) => new(n.At, n.UserName, n.Text);
}
