namespace PharmaMes.Infrastructure.Plant.Model;

/// <summary>
/// What an import did: nothing when <see cref="Errors"/> names any node (by its path or line);
/// otherwise how much it added and changed, and which equipment the file left out (kept as it is).
/// </summary>
public sealed record PlantImportResult(
    IReadOnlyDictionary<string, string[]> Errors, int Added, int Changed, IReadOnlyList<string> EquipmentNotInFile)
{
    public bool Applied => Errors.Count == 0;

    public static PlantImportResult Refused(IReadOnlyDictionary<string, string[]> errors) => new(errors, 0, 0, []);
}
