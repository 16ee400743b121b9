namespace PharmaMes.Web.Endpoints;

/// <summary>What an accepted plant upload did; equipment the file left out is listed and kept as it is.</summary>
public sealed record PlantImportResource(int Added, int Changed, IReadOnlyList<string> EquipmentNotInFile);
