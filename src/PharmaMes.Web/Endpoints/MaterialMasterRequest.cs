namespace PharmaMes.Web.Endpoints;

/// <summary>The master data of the material named in the address; the type is one of the material types by name.</summary>
public sealed record MaterialMasterRequest(
    string? Name,
    string? Type,
    string? Unit,
    decimal? ReorderPoint,
    decimal? SafetyStock);
