using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Production;

namespace PharmaMes.Web.Endpoints;

/// <summary>A production order: our number beside the ERP's id, what to make by when, and where it stands.</summary>
public sealed record ProductionOrderResource(
    string Number,
    string? ExternalId,
    string Product,
    decimal Quantity,
    string Unit,
    DateOnly DueDate,
    int Priority,
    string PriorityName,
    string? CustomerReference,
    string? Line,
    OrderStatus Status,
    DateTimeOffset CreatedAt,
    string? CancelReason)
{
    public static ProductionOrderResource Of(ErpOrderView o) =>
        new(o.Number, o.ExternalId, o.Product, o.Quantity, o.Unit, o.DueDate, o.Priority, OrderPriority.NameOf(o.Priority), o.CustomerReference, o.LineCode,
            o.Status, o.CreatedAt, o.CancelReason);
}
