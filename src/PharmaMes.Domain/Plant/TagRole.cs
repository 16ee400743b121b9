namespace PharmaMes.Domain.Plant;

/// <summary>
/// What a tag stands for where the MES needs one value of an equipment, not just any reading:
/// the scale weight a dispensing step reads, or the counter of a packer. Most tags have none.
/// </summary>
public enum TagRole
{
    None,
    /// <summary>The live reading of the equipment's scale; at most one tag of an equipment has it.</summary>
    ScaleWeight,
    Counter,
}
