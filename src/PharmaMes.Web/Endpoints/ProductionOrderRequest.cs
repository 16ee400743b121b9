namespace PharmaMes.Web.Endpoints;

/// <summary>
/// A production order from the ERP. Every field may be missing on the wire, so that one answer can
/// name every field that is missing or wrong.
/// </summary>
public sealed record ProductionOrderRequest(
    string? ExternalId,
    string? Product,
    decimal? Quantity,
    string? Unit,
    DateOnly? DueDate,
    int? Priority,
    string? CustomerReference);
