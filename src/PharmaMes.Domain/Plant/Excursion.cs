using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Plant;

/// <summary>
/// A process value outside its alarm limits: opened by the first reading past a limit, its peak
/// follows the worst reading, and it ends with the first reading back inside the limits.
/// </summary>
public class Excursion
{
    public Guid Id { get; private set; }
    public Guid EquipmentId { get; private set; }
    public TagName Tag { get; private set; }
    public ExcursionDirection Direction { get; private set; }
    /// <summary>The alarm limit that was crossed.</summary>
    public double Limit { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>The furthest reading past the limit.</summary>
    public double Peak { get; private set; }
    public DateTimeOffset PeakAt { get; private set; }

    protected Excursion() { }

    private Excursion(Guid equipmentId, TagName tag, ExcursionDirection direction, double limit, double value, DateTimeOffset at)
    {
        Id = Ids.New();
        EquipmentId = equipmentId;
        Tag = tag;
        Direction = direction;
        Limit = limit;
        StartedAt = at;
        Peak = value;
        PeakAt = at;
    }

    /// <summary>Opens an excursion when the reading is past the tag's alarm limits; null when it is not.</summary>
    public static Excursion? OpenIfOutside(TagDefinition tag, double value, DateTimeOffset at) =>
        !double.IsFinite(value) ? throw new DomainException($"A reading of tag '{tag.Name}' must be a finite number.")
        : value > tag.AlarmLimits.High ? new Excursion(tag.EquipmentId, tag.Name, ExcursionDirection.High, tag.AlarmLimits.High, value, at)
        : value < tag.AlarmLimits.Low ? new Excursion(tag.EquipmentId, tag.Name, ExcursionDirection.Low, tag.AlarmLimits.Low, value, at)
        : null;

    public bool IsOpen => EndedAt is null;

    /// <summary>
    /// Takes the next reading of the tag: moves the peak if it is worse, ends the excursion if
    /// the reading is back inside the limits. Returns true when the excursion ended.
    /// </summary>
    public bool Observe(double value, DateTimeOffset at)
    {
        if (EndedAt is not null)
            throw new DomainException($"The excursion of {Tag} that started {StartedAt:u} has ended; open a new one.");
        var stillOutside = Direction == ExcursionDirection.High ? value > Limit : value < Limit;
        if (!stillOutside)
        {
            EndedAt = at < StartedAt ? StartedAt : at;
            return true;
        }
        if (Direction == ExcursionDirection.High ? value > Peak : value < Peak)
        {
            Peak = value;
            PeakAt = at;
        }
        return false;
    }
}
