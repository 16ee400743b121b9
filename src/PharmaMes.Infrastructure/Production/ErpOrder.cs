namespace PharmaMes.Infrastructure.Production;

/// <summary>A production order as the ERP sends it; the ERP's own key is <see cref="ExternalId"/>.</summary>
public sealed record ErpOrder(
    string ExternalId,
    string Product,
    decimal Quantity,
    string Unit,
    DateOnly DueDate,
    int Priority,
    string? CustomerReference);
