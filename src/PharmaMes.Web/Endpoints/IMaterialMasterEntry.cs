namespace PharmaMes.Web.Endpoints;

/// <summary>The master data of a material as it is entered, whether the ERP sends it or a planner types it.</summary>
public interface IMaterialMasterEntry
{
    string? Name { get; }
    string? Unit { get; }
    decimal? ReorderPoint { get; }
    decimal? SafetyStock { get; }
    int? ShelfLifeDays { get; }
    string? StorageCondition { get; }
}
