namespace PharmaMes.Infrastructure.Production;

/// <summary>One batch in a list: what it makes, for which order, where it stands, and how far it got.</summary>
public sealed record BatchSummary(
    string Number,
    string ProductCode,
    string ProductName,
    string OrderNumber,
    int RecipeVersion,
    string State,
    string Disposition,
    int StepsDone,
    int Steps,
    int OpenExceptions,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt)
{
    public int Progress => Steps == 0 ? 0 : (int)Math.Round(100.0 * StepsDone / Steps);
}
