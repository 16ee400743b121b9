using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Plant;

/// <summary>
/// A unit of production equipment (ISA-95 equipment at unit level): what it is, what state it
/// is in, whether it is clean and calibrated, and which process values it reports.
/// </summary>
public class Equipment
{
    public const int NameMaxLength = 100;

    private readonly List<TagDefinition> _tags = [];

    public Guid Id { get; private set; }
    public Guid LineId { get; private set; }
    public PlantCode Code { get; private set; }
    public string Name { get; private set; } = "";
    public EquipmentClass Class { get; private set; }
    public EquipmentState State { get; private set; }
    public DateTimeOffset StateSince { get; private set; }
    public string? StateReason { get; private set; }
    public DateTimeOffset? LastCleanedAt { get; private set; }
    /// <summary>End of the clean hold time; null while the equipment is dirty.</summary>
    public DateTimeOffset? CleanUntil { get; private set; }
    public DateOnly? CalibrationDueOn { get; private set; }
    /// <summary>The device's last cumulative counters, to turn the next report into a delta.</summary>
    public long? LastGoodCount { get; private set; }
    public long? LastRejectCount { get; private set; }
    public DateTimeOffset? LastCountAt { get; private set; }
    public IReadOnlyCollection<TagDefinition> Tags => _tags.AsReadOnly();

    protected Equipment() { }

    internal Equipment(Guid lineId, PlantCode code, string name, EquipmentClass equipmentClass, DateTimeOffset now)
    {
        Id = Ids.New();
        LineId = lineId;
        Code = code;
        Name = Guard.Text(name, "An equipment name", NameMaxLength);
        Class = equipmentClass;
        State = EquipmentState.Offline;
        StateSince = now;
    }

    public TagDefinition DefineTag(TagName name, string description, UnitOfMeasure unit, ValueRange normalRange, ValueRange alarmLimits)
    {
        if (_tags.Any(t => t.Name == name))
            throw new DomainException($"Equipment {Code} already has a tag named '{name}'.");
        var tag = new TagDefinition(Id, _tags.Count, name, description, unit, normalRange, alarmLimits);
        _tags.Add(tag);
        return tag;
    }

    public TagDefinition? FindTag(TagName name) => _tags.FirstOrDefault(t => t.Name == name);

    /// <summary>The tag that is the equipment's scale weight, if it has a scale.</summary>
    public TagDefinition? ScaleWeightTag => _tags.FirstOrDefault(t => t.Role == TagRole.ScaleWeight);

    /// <summary>Names may be corrected; the code never changes, since topics, records and other systems use it.</summary>
    public void Rename(string name) => Name = Guard.Text(name, "An equipment name", NameMaxLength);

    /// <summary>Gives a tag its role; an equipment has one scale, so one tag at most is its scale weight.</summary>
    public void AssignTagRole(TagName name, TagRole role)
    {
        var tag = FindTag(name) ?? throw new DomainException($"Equipment {Code} has no tag named '{name}'.");
        if (role == TagRole.ScaleWeight && ScaleWeightTag is { } scale && scale != tag)
            throw new DomainException($"Equipment {Code} already reads its scale weight from tag '{scale.Name}'; only one tag can be the scale weight.");
        tag.Role = role;
    }

    public void ChangeState(EquipmentState newState, DateTimeOffset at, string? reason = null)
    {
        EquipmentStateMachine.EnsureCanChange(State, newState);
        if (at < StateSince)
            throw new DomainException($"A state change of {Code} at {at:u} is older than its current state, set at {StateSince:u}.");
        if (newState == EquipmentState.Down && string.IsNullOrWhiteSpace(reason))
            throw new DomainException($"A reason is required when {Code} goes Down.");
        var stateReason = Guard.OptionalText(reason, "A state reason", 200);
        // Leaving Running means product touched the equipment: it must be cleaned before the next product.
        if (State == EquipmentState.Running)
            MarkDirty();
        State = newState;
        StateSince = at;
        StateReason = stateReason;
    }

    /// <summary>Takes a cumulative counter report and returns what was made since the previous one.</summary>
    public ProductionCount RecordCounters(CounterReading reading)
    {
        CounterReading? previous = LastCountAt is { } at ? new CounterReading(LastGoodCount ?? 0, LastRejectCount ?? 0, at) : null;
        if (previous is { } last && reading.At < last.At)
            throw new DomainException($"A counter report of {Code} at {reading.At:u} is older than the last one, at {last.At:u}.");
        var count = ProductionCount.Between(Id, previous, reading);
        LastGoodCount = reading.Good;
        LastRejectCount = reading.Reject;
        LastCountAt = reading.At;
        return count;
    }

    public void MarkCleaned(DateTimeOffset cleanedAt, TimeSpan cleanHoldTime)
    {
        if (cleanHoldTime <= TimeSpan.Zero)
            throw new DomainException("The clean hold time must be positive.");
        if (State == EquipmentState.Running)
            throw new DomainException($"{Code} is Running: it cannot be recorded as cleaned while in use.");
        LastCleanedAt = cleanedAt;
        CleanUntil = cleanedAt + cleanHoldTime;
    }

    public void MarkDirty() => CleanUntil = null;

    public CleaningStatus CleaningStatusAt(DateTimeOffset now) =>
        CleanUntil is null ? CleaningStatus.Dirty
        : now <= CleanUntil ? CleaningStatus.Clean
        : CleaningStatus.CleanExpired;

    public void RecordCalibration(DateOnly calibratedOn, DateOnly nextDueOn)
    {
        if (nextDueOn <= calibratedOn)
            throw new DomainException($"The next calibration of {Code} must be due after the calibration on {calibratedOn:yyyy-MM-dd}.");
        CalibrationDueOn = nextDueOn;
    }

    /// <summary>Equipment with no calibration recorded, or past its due date, is out of calibration.</summary>
    public bool IsCalibratedOn(DateOnly day) => CalibrationDueOn is { } due && day <= due;

    /// <summary>
    /// The reasons the equipment may not be used for product now; empty when it may.
    /// These are what equipment gating shows an operator.
    /// </summary>
    public IReadOnlyList<string> ReasonsNotUsable(DateTimeOffset now)
    {
        var reasons = new List<string>();
        // Held equipment still holds a paused batch: only Idle equipment can take a new one.
        if (State != EquipmentState.Idle)
            reasons.Add($"it is {State}");
        switch (CleaningStatusAt(now))
        {
            case CleaningStatus.Dirty: reasons.Add("it is not clean"); break;
            case CleaningStatus.CleanExpired: reasons.Add($"its clean hold time ended {CleanUntil?.UtcDateTime:yyyy-MM-dd HH:mm} UTC"); break;
        }
        if (!IsCalibratedOn(DateOnly.FromDateTime(now.UtcDateTime)))
            reasons.Add(CalibrationDueOn is { } due ? $"its calibration was due {due:yyyy-MM-dd}" : "it has no calibration on record");
        return reasons;
    }
}
