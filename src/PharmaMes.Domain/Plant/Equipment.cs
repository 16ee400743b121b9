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
    /// <summary>The hygiene and availability status people act on; <see cref="EquipmentStatus.CalibrationDue"/> is never stored.</summary>
    public EquipmentStatus Status { get; private set; }
    public DateTimeOffset StatusSince { get; private set; }
    /// <summary>When product last left the unit (the start of its dirty hold); null if it never ran or is not dirty.</summary>
    public DateTimeOffset? DirtySince { get; private set; }
    /// <summary>The product and batch that last ran on the unit: what a cleaning must remove.</summary>
    public string? LastProductCode { get; private set; }
    public string? LastBatchNumber { get; private set; }
    public DateTimeOffset? LastCleanedAt { get; private set; }
    public CleaningMethod? LastCleaningMethod { get; private set; }
    /// <summary>End of the clean hold time; null while the equipment is not clean.</summary>
    public DateTimeOffset? CleanUntil { get; private set; }
    public TimeSpan CleanHoldTime { get; private set; }
    public TimeSpan DirtyHoldTime { get; private set; }
    public bool ProductChangeNeedsMajorClean { get; private set; }
    public DateOnly? CalibrationDueOn { get; private set; }
    /// <summary>The day of the last calibration that passed: batches since then are unaffected by a later failure.</summary>
    public DateOnly? LastCalibratedOn { get; private set; }
    /// <summary>Set by a failed calibration: the unit is blocked until a calibration passes.</summary>
    public DateOnly? CalibrationFailedOn { get; private set; }
    /// <summary>How often the unit's instruments are calibrated; proposes the next due date.</summary>
    public int CalibrationIntervalDays { get; private set; }
    /// <summary>Units a minute at which Performance is 100 % (ISO 22400 ideal rate); null when not set, and OEE's performance is then unknown.</summary>
    public double? IdealRatePerMinute { get; private set; }
    /// <summary>Ideal rates of particular products on this equipment, in product order; a product not listed runs at <see cref="IdealRatePerMinute"/>.</summary>
    public IReadOnlyList<ProductIdealRate> ProductRates { get; private set; } = [];
    public DateTimeOffset? RetiredAt { get; private set; }
    public string? RetiredReason { get; private set; }
    /// <summary>Who retired it, as the logbook shows (the audit trail holds the same with their user id).</summary>
    public string? RetiredBy { get; private set; }
    /// <summary>The device's last cumulative counters, to turn the next report into a delta.</summary>
    public long? LastGoodCount { get; private set; }
    public long? LastRejectCount { get; private set; }
    public DateTimeOffset? LastCountAt { get; private set; }
    /// <summary>Good units counted since the first report, across the device's counter resets (the last report's running total).</summary>
    public long CountedGood { get; private set; }
    /// <summary>Rejected units counted since the first report, across resets.</summary>
    public long CountedReject { get; private set; }
    /// <summary>The Sparkplug group id of an explicit address; with the edge node and device id, all three or none.</summary>
    public string? SparkplugGroupId { get; private set; }
    public string? SparkplugEdgeNodeId { get; private set; }
    public string? SparkplugDeviceId { get; private set; }
    /// <summary>
    /// Where the equipment's Sparkplug device publishes when a gateway's names cannot follow the plant;
    /// null for the default rule (site code, line code, equipment code). Set through <see cref="SparkplugAddressing"/>,
    /// which keeps every address to one equipment.
    /// </summary>
    public SparkplugAddress? SparkplugAddress =>
        SparkplugGroupId is { } group && SparkplugEdgeNodeId is { } edgeNode && SparkplugDeviceId is { } device ? new(group, edgeNode, device) : null;
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
        // A new unit has never been cleaned: it needs a major (commissioning) cleaning before product.
        Status = EquipmentStatus.Dirty;
        StatusSince = now;
        SetCleaningRules(CleaningRules.Default);
        CalibrationIntervalDays = DefaultCalibrationIntervalDays;
    }

    public const int DefaultCalibrationIntervalDays = 180;
    public const int MaxCalibrationIntervalDays = 3 * 365;
    public const int RetiredReasonMaxLength = 200;
    public const int RetiredByMaxLength = 200;

    public bool IsRetired => Status == EquipmentStatus.Retired;

    public CleaningRules CleaningRules => new(CleanHoldTime, DirtyHoldTime, ProductChangeNeedsMajorClean);

    public void SetCleaningRules(CleaningRules rules)
    {
        CleanHoldTime = rules.CleanHoldTime;
        DirtyHoldTime = rules.DirtyHoldTime;
        ProductChangeNeedsMajorClean = rules.ProductChangeNeedsMajorClean;
        // A clean unit keeps the hold time it was cleaned under only while the new one is not shorter.
        if (Status == EquipmentStatus.Clean && LastCleanedAt is { } cleaned && cleaned + CleanHoldTime < CleanUntil)
            CleanUntil = cleaned + CleanHoldTime;
    }

    public void SetCalibrationInterval(int days)
    {
        if (days is < 1 or > MaxCalibrationIntervalDays)
            throw new DomainException($"The calibration interval of {Code} must be between 1 and {MaxCalibrationIntervalDays} days (got {days}).");
        CalibrationIntervalDays = days;
    }

    public const double MaxIdealRatePerMinute = 1_000_000;

    /// <summary>Sets the ideal rate (units a minute) OEE's performance is measured against; null clears it.</summary>
    public void SetIdealRate(double? unitsPerMinute)
    {
        if (unitsPerMinute is { } rate && (!double.IsFinite(rate) || rate <= 0 || rate > MaxIdealRatePerMinute))
            throw new DomainException($"The ideal rate of {Code} must be more than 0 and at most {MaxIdealRatePerMinute:#,0} units a minute (got {rate}).");
        IdealRatePerMinute = unitsPerMinute;
    }

    public const int MaxProductRates = 200;

    /// <summary>Replaces the per-product ideal rates; each product once, each rate as for <see cref="SetIdealRate"/>.</summary>
    public void SetProductRates(IEnumerable<ProductIdealRate> rates)
    {
        var list = new List<ProductIdealRate>();
        foreach (var rate in rates)
        {
            var product = new Materials.MaterialCode(rate.Product).Value;
            if (!double.IsFinite(rate.UnitsPerMinute) || rate.UnitsPerMinute <= 0 || rate.UnitsPerMinute > MaxIdealRatePerMinute)
                throw new DomainException($"The ideal rate of {product} on {Code} must be more than 0 and at most {MaxIdealRatePerMinute:#,0} units a minute (got {rate.UnitsPerMinute}).");
            if (list.Any(r => r.Product == product))
                throw new DomainException($"{product} is listed twice among the ideal rates of {Code}: give each product one rate.");
            list.Add(new ProductIdealRate(product, rate.UnitsPerMinute));
        }
        if (list.Count > MaxProductRates)
            throw new DomainException($"{Code} may have at most {MaxProductRates} product rates.");
        ProductRates = [.. list.OrderBy(r => r.Product, StringComparer.Ordinal)];
    }

    /// <summary>The ideal rate while making <paramref name="product"/>: its own on this equipment, else the equipment's.</summary>
    public double? IdealRateFor(string? product) =>
        ProductRates.FirstOrDefault(r => string.Equals(r.Product, product, StringComparison.OrdinalIgnoreCase))?.UnitsPerMinute ?? IdealRatePerMinute;

    internal void SetSparkplugAddress(SparkplugAddress? address) =>
        (SparkplugGroupId, SparkplugEdgeNodeId, SparkplugDeviceId) = (address?.GroupId, address?.EdgeNodeId, address?.DeviceId);

    public TagDefinition DefineTag(TagName name, string description, UnitOfMeasure unit, ValueRange normalRange, ValueRange alarmLimits)
    {
        if (_tags.Any(t => t.Name == name))
            throw new DomainException($"Equipment {Code} already has a tag named '{name}'.");
        if (_tags.FirstOrDefault(t => t.SparkplugMetric == name.Value) is { } claimed)
            throw new DomainException($"Tag '{claimed.Name}' of {Code} reads the Sparkplug metric '{name}'; a tag of that name would be ambiguous.");
        var tag = new TagDefinition(Id, _tags.Count, name, description, unit, normalRange, alarmLimits);
        _tags.Add(tag);
        return tag;
    }

    public TagDefinition? FindTag(TagName name) => _tags.FirstOrDefault(t => t.Name == name);

    /// <summary>
    /// Names the Sparkplug metric a tag reads (null: the tag's own name). A metric name places one tag
    /// of the equipment: it may be neither another tag's metric name nor another tag's name.
    /// </summary>
    public void SetTagSparkplugMetric(TagName name, string? metric)
    {
        var tag = FindTag(name) ?? throw new DomainException($"Equipment {Code} has no tag named '{name}'.");
        var wanted = SparkplugMetricName.Optional(metric);
        if (wanted is not null && _tags.FirstOrDefault(t => t != tag && (t.SparkplugMetric == wanted || t.Name.Value == wanted)) is { } other)
            throw new DomainException($"The Sparkplug metric '{wanted}' already names tag '{other.Name}' of {Code} (its metric or its name); each metric places one tag.");
        tag.SparkplugMetric = wanted;
    }

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
        // Product contact is known from the batch step that used the unit (StartUse / EndUse), not from the
        // device's Running: a device also runs for set-up, tests and its own cleaning cycles.
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
        var count = ProductionCount.Between(Id, previous, reading, (CountedGood, CountedReject));
        CountedGood = count.TotalGood;
        CountedReject = count.TotalReject;
        LastGoodCount = reading.Good;
        LastRejectCount = reading.Reject;
        LastCountAt = reading.At;
        return count;
    }

    /// <summary>The status shown to people: a lapsed or failed calibration shows over Clean and Dirty, an ended clean hold as Dirty.</summary>
    public EquipmentStatus StatusAt(DateTimeOffset now)
    {
        if (Status is not (EquipmentStatus.Clean or EquipmentStatus.Dirty))
            return Status;
        if (CalibrationFailedOn is not null || !IsCalibratedOn(DateOnly.FromDateTime(now.UtcDateTime)))
            return EquipmentStatus.CalibrationDue;
        return Status == EquipmentStatus.Clean && now > CleanUntil ? EquipmentStatus.Dirty : Status;
    }

    /// <summary>A batch step starts on the unit: product will touch it.</summary>
    public void StartUse(string batchNumber, string productCode, DateTimeOffset at)
    {
        var reasons = ReasonsNotUsable(at, batchNumber, productCode);
        if (reasons.Count > 0)
            throw new DomainException($"{Code} cannot be used now: {string.Join(", ", reasons)}.");
        MoveTo(EquipmentStatus.InUse, at);
        LastBatchNumber = Guard.Text(batchNumber, "A batch number", 40);
        LastProductCode = Guard.Text(productCode, "A product code", 40);
        CleanUntil = null;
    }

    /// <summary>The batch step on the unit ended: it is dirty with that product until cleaned.</summary>
    public void EndUse(DateTimeOffset at)
    {
        MoveTo(EquipmentStatus.Dirty, at);
        DirtySince = at;
    }

    /// <summary>Cleaning begins: reported by the device (its Cleaning state) or recorded by a person.</summary>
    public void BeginCleaning(DateTimeOffset at)
    {
        if (Status == EquipmentStatus.Cleaning)
            return;
        MoveTo(EquipmentStatus.Cleaning, at);
    }

    /// <summary>Whether a cleaning by this method is enough for the unit now; the reason when it is not.</summary>
    public string? CleaningMethodShortfall(CleaningMethod method, DateTimeOffset cleanedAt)
    {
        if (method.IsMajor())
            return null;
        if (LastCleanedAt is null && LastBatchNumber is null)
            return $"{Code} has never been cleaned: its first cleaning must be a major one.";
        if (DirtySince is { } dirty && cleanedAt - dirty > DirtyHoldTime)
            return $"{Code} stood dirty longer than its dirty hold time ({Hours(DirtyHoldTime)}): a major cleaning is needed.";
        return null;
    }

    /// <summary>A cleaning done and verified by a second person: the unit is clean for its clean hold time.</summary>
    public void AcceptCleaning(CleaningMethod method, DateTimeOffset cleanedAt, DateTimeOffset verifiedAt)
    {
        if (Status is EquipmentStatus.InUse or EquipmentStatus.Maintenance or EquipmentStatus.Retired)
            throw new DomainException($"{Code} is {Status}: a cleaning cannot be accepted now.");
        if (State == EquipmentState.Running)
            throw new DomainException($"{Code} is Running: it cannot be recorded as cleaned while in use.");
        if (cleanedAt > verifiedAt)
            throw new DomainException("A cleaning cannot be verified before it was done.");
        if (CleaningMethodShortfall(method, cleanedAt) is { } shortfall)
            throw new DomainException(shortfall);
        BeginCleaning(verifiedAt);
        MoveTo(EquipmentStatus.Clean, verifiedAt);
        LastCleanedAt = cleanedAt;
        LastCleaningMethod = method;
        CleanUntil = cleanedAt + CleanHoldTime;
        DirtySince = null;
    }

    /// <summary>A cleaning stopped or refused at verification: the unit is dirty as before.</summary>
    public void AbandonCleaning(DateTimeOffset at)
    {
        MoveTo(EquipmentStatus.Dirty, at);
        DirtySince ??= at;
    }

    /// <summary>Taken out of production for maintenance (from a work order).</summary>
    public void StartMaintenance(DateTimeOffset at)
    {
        MoveTo(EquipmentStatus.Maintenance, at);
        CleanUntil = null;
    }

    /// <summary>Released back to production after maintenance: it is cleaned before the next product.</summary>
    public void ReleaseFromMaintenance(DateTimeOffset at)
    {
        MoveTo(EquipmentStatus.Dirty, at);
        DirtySince = at;
    }

    /// <summary>Never used again but kept in every record: equipment with history is never deleted.</summary>
    public void Retire(string reason, DateTimeOffset at, string by)
    {
        var why = Guard.Text(reason, "A reason for retiring", RetiredReasonMaxLength);
        var who = Guard.Text(by, "Who retires it", RetiredByMaxLength);
        MoveTo(EquipmentStatus.Retired, at);
        RetiredAt = at;
        RetiredReason = why;
        RetiredBy = who;
        CleanUntil = null;
    }

    /// <summary>Marks the unit dirty without a batch (e.g. a spill, or a clean hold found broken).</summary>
    public void MarkDirty(DateTimeOffset at)
    {
        if (Status == EquipmentStatus.Dirty)
            return;
        MoveTo(EquipmentStatus.Dirty, at);
        DirtySince = at;
        CleanUntil = null;
    }

    private void MoveTo(EquipmentStatus next, DateTimeOffset at)
    {
        EquipmentStatusMachine.EnsureCanChange(Status, next, Code);
        Status = next;
        StatusSince = at;
    }

    private static string Hours(TimeSpan time) => time.TotalHours % 24 == 0 && time.TotalHours >= 48 ? $"{time.TotalDays:0} d" : $"{time.TotalHours:0.#} h";

    public CleaningStatus CleaningStatusAt(DateTimeOffset now) =>
        Status != EquipmentStatus.Clean || CleanUntil is null ? CleaningStatus.Dirty
        : now <= CleanUntil ? CleaningStatus.Clean
        : CleaningStatus.CleanExpired;

    /// <summary>A calibration that passed: the unit is calibrated until the next due date.</summary>
    public void RecordCalibration(DateOnly calibratedOn, DateOnly nextDueOn)
    {
        if (nextDueOn <= calibratedOn)
            throw new DomainException($"The next calibration of {Code} must be due after the calibration on {calibratedOn:yyyy-MM-dd}.");
        CalibrationDueOn = nextDueOn;
        LastCalibratedOn = calibratedOn;
        CalibrationFailedOn = null;
    }

    /// <summary>A calibration that failed: the unit is blocked until a calibration passes.</summary>
    public void RecordFailedCalibration(DateOnly calibratedOn) => CalibrationFailedOn = calibratedOn;

    /// <summary>Equipment with no calibration recorded, or past its due date, is out of calibration.</summary>
    public bool IsCalibratedOn(DateOnly day) => CalibrationDueOn is { } due && day <= due;

    /// <summary>
    /// The reasons the equipment may not be used for product now, each saying what to do about it;
    /// empty when it may. These are what equipment gating shows an operator. The batch that dirtied
    /// the unit may go on using it; another batch, or another product, needs it cleaned.
    /// </summary>
    public IReadOnlyList<string> ReasonsNotUsable(DateTimeOffset now, string? batchNumber = null, string? productCode = null)
    {
        var reasons = new List<string>();
        if (Status == EquipmentStatus.Retired)
        {
            reasons.Add($"it is retired ({RetiredReason})");
            return reasons;
        }
        // Held equipment still holds a paused batch: only Idle equipment can take a new one.
        if (State != EquipmentState.Idle)
            reasons.Add($"it is {State}");
        var sameBatch = batchNumber is not null && string.Equals(LastBatchNumber, batchNumber, StringComparison.Ordinal);
        switch (Status)
        {
            case EquipmentStatus.Maintenance:
                reasons.Add("it is under maintenance — release it from its work order, then clean it");
                break;
            case EquipmentStatus.Cleaning:
                reasons.Add("it is being cleaned — the cleaning needs a second person's verification");
                break;
            case EquipmentStatus.InUse:
                reasons.Add($"it is in use by batch {LastBatchNumber}");
                break;
            case EquipmentStatus.Dirty when !sameBatch:
                reasons.Add(DirtyReason(now));
                break;
            case EquipmentStatus.Clean when now > CleanUntil:
                reasons.Add($"its clean hold time ended {CleanUntil?.UtcDateTime:yyyy-MM-dd HH:mm} UTC — cleaning needed");
                break;
            case EquipmentStatus.Clean when productCode is not null && LastProductCode is not null && ProductChangeNeedsMajorClean
                && LastCleaningMethod == CleaningMethod.Minor && !string.Equals(productCode, LastProductCode, StringComparison.Ordinal):
                reasons.Add($"it had only a minor cleaning after {LastProductCode} — a product change needs a major cleaning");
                break;
        }
        if (CalibrationFailedOn is { } failed)
            reasons.Add($"its calibration on {failed:yyyy-MM-dd} failed — it must pass a calibration first");
        else if (!IsCalibratedOn(DateOnly.FromDateTime(now.UtcDateTime)))
            reasons.Add(CalibrationDueOn is { } due ? $"its calibration was due {due:yyyy-MM-dd} — calibration needed" : "it has no calibration on record — calibration needed");
        return reasons;
    }

    private string DirtyReason(DateTimeOffset now)
    {
        if (DirtySince is not { } since)
            return "it has never been cleaned — major cleaning needed";
        var after = LastBatchNumber is null ? "" : $" after {LastBatchNumber}";
        var what = now - since > DirtyHoldTime ? "major cleaning needed (dirty hold time passed)" : "cleaning needed";
        return $"Dirty since {since.UtcDateTime:yyyy-MM-dd HH:mm} UTC{after} — {what}";
    }
}
