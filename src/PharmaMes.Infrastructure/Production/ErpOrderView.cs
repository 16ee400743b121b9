using PharmaMes.Domain.Production;

namespace PharmaMes.Infrastructure.Production;

/// <summary>A production order as the ERP sees it: our number beside its key, and where the order stands.</summary>
public sealed record ErpOrderView(
    string Number,
    string? ExternalId,
    string Product,
    decimal Quantity,
    string Unit,
    DateOnly DueDate,
    int Priority,
    string? CustomerReference,
    string? LineCode,
    OrderStatus Status,
    DateTimeOffset CreatedAt,
    string? CancelReason,
    /// <summary>The version compared: a change made from this view is refused when the order changed since.</summary>
    int Version)
{
    public static ErpOrderView Of(ProductionOrder o) =>
        new(o.Number.Value, o.ExternalId, o.ProductCode.Value, o.Quantity.Amount, o.Quantity.Unit.Symbol, o.DueDate, o.Priority,
            o.CustomerReference, o.LineCode?.Value, o.Status, o.CreatedAt, o.CancelReason, o.Version);
}
