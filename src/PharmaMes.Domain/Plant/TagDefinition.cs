using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Plant;

/// <summary>
/// A process value the equipment reports: its unit, the normal operating range and the alarm
/// limits. A value outside the alarm limits is an excursion; the alarm limits enclose the normal range.
/// </summary>
public class TagDefinition
{
    public const int DescriptionMaxLength = 120;

    public Guid Id { get; private set; }
    public Guid EquipmentId { get; private set; }
    public TagName Name { get; private set; }
    public string Description { get; private set; } = "";
    public UnitOfMeasure Unit { get; private set; }
    public ValueRange NormalRange { get; private set; }
    public ValueRange AlarmLimits { get; private set; }
    /// <summary>Where the tag comes in its equipment's list: the first is the key value shown on tiles.</summary>
    public int Position { get; private set; }
    /// <summary>Which tag is the scale weight or the counter, where that applies; set through the equipment, which keeps it unique.</summary>
    public TagRole Role { get; internal set; }
    /// <summary>The Sparkplug metric the tag reads when it is not the tag's name; set through the equipment, which keeps it unique.</summary>
    public string? SparkplugMetric { get; internal set; }
    /// <summary>The Sparkplug metric name the tag's values come under.</summary>
    public string MetricName => SparkplugMetric ?? Name.Value;

    protected TagDefinition() { }

    internal TagDefinition(Guid equipmentId, int position, TagName name, string description, UnitOfMeasure unit, ValueRange normalRange, ValueRange alarmLimits)
    {
        EnsureLimitsEncloseNormalRange(name, unit, normalRange, alarmLimits);
        Id = Ids.New();
        EquipmentId = equipmentId;
        Position = position;
        Name = name;
        Description = Guard.Text(description, "A tag description", DescriptionMaxLength);
        Unit = unit;
        NormalRange = normalRange;
        AlarmLimits = alarmLimits;
    }

    /// <summary>Corrects what the tag means and its limits; the name is what devices send and stays.</summary>
    public void Revise(string description, UnitOfMeasure unit, ValueRange normalRange, ValueRange alarmLimits)
    {
        EnsureLimitsEncloseNormalRange(Name, unit, normalRange, alarmLimits);
        Description = Guard.Text(description, "A tag description", DescriptionMaxLength);
        Unit = unit;
        NormalRange = normalRange;
        AlarmLimits = alarmLimits;
    }

    /// <summary>The one rule of a tag's ranges, for new tags and corrections alike.</summary>
    public static void EnsureLimitsEncloseNormalRange(TagName name, UnitOfMeasure unit, ValueRange normalRange, ValueRange alarmLimits)
    {
        if (!alarmLimits.Contains(normalRange))
            throw new DomainException(
                $"The alarm limits of tag '{name}' ({alarmLimits} {unit}) must enclose its normal range ({normalRange} {unit}).");
    }

    public TagReading Classify(double value) =>
        !double.IsFinite(value) ? throw new DomainException($"A reading of tag '{Name}' must be a finite number.")
        : !AlarmLimits.Contains(value) ? TagReading.OutsideAlarmLimits
        : !NormalRange.Contains(value) ? TagReading.OutsideNormalRange
        : TagReading.Normal;
}
