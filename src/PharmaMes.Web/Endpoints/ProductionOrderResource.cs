using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Erp;

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
    string? CustomerReference,
    OrderStatus Status,
    DateTimeOffset CreatedAt)
{
    public static ProductionOrderResource Of(ErpOrderView o) =>
        new(o.Number, o.ExternalId, o.Product, o.Quantity, o.Unit, o.DueDate, o.Priority, o.CustomerReference, o.Status, o.CreatedAt);
}
