namespace PharmaMes.Web.Endpoints;

/// <summary>
/// The master data of the material named in the address; the type is one of the material types by
/// name. Shelf life (days) and storage condition are optional: absent means none.
/// </summary>
public sealed record MaterialMasterRequest(
    string? Name,
    string? Type,
    string? Unit,
    decimal? ReorderPoint,
    decimal? SafetyStock,
    int? ShelfLifeDays = null,
    string? StorageCondition = null) : IMaterialMasterEntry;
