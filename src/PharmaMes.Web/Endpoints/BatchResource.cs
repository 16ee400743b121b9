using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Production;

namespace PharmaMes.Web.Endpoints;

/// <summary>A batch with its steps: what it makes and from which recipe version, its state, QA's disposition and the reasons given.</summary>
public sealed record BatchResource(
    string Number,
    string Product,
    string ProductName,
    string Order,
    int RecipeVersion,
    decimal PlannedQuantity,
    string Unit,
    BatchState State,
    BatchDisposition Disposition,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? HoldReason,
    string? AbortReason,
    DateTimeOffset? DispositionAt,
    string? DispositionBy,
    string? RejectReason,
    int OpenExceptions,
    IReadOnlyList<BatchStepResource> Steps)
{
    public static BatchResource Of(BatchRecordView record)
    {
        var b = record.Batch;
        return new(b.Number.Value, b.ProductCode.Value, record.ProductName, record.OrderNumber, b.RecipeVersion, b.PlannedQuantity.Amount,
            b.PlannedQuantity.Unit.Symbol, b.State, b.Disposition, b.CreatedAt, b.StartedAt, b.CompletedAt, b.HoldReason, b.AbortReason,
            b.DispositionAt, b.DispositionByName, b.RejectReason, record.OpenExceptions, b.Steps.Select(BatchStepResource.Of).ToList());
    }
}
