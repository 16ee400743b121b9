using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Production;

namespace PharmaMes.Web.Endpoints;

/// <summary>One batch in the list: what it makes, for which order and recipe version, where it stands, how far it got.</summary>
public sealed record BatchSummaryResource(
    string Number,
    string Product,
    string ProductName,
    string Order,
    int RecipeVersion,
    BatchState State,
    BatchDisposition Disposition,
    int Progress,
    int StepsDone,
    int Steps,
    int OpenExceptions,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt)
{
    public static BatchSummaryResource Of(BatchSummary b) =>
        new(b.Number, b.ProductCode, b.ProductName, b.OrderNumber, b.RecipeVersion, Enum.Parse<BatchState>(b.State), Enum.Parse<BatchDisposition>(b.Disposition),
            b.Progress, b.StepsDone, b.Steps, b.OpenExceptions, b.CreatedAt, b.StartedAt, b.CompletedAt);
}
