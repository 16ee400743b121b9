namespace PharmaMes.LoadGenerator;

/// <summary>What <see cref="TelemetryPublisher"/> sends, how fast, and how much.</summary>
public sealed record PublisherOptions : BrokerClientOptions
{
    /// <summary>Messages sent when neither <see cref="TotalMessages"/> nor <see cref="Duration"/> is set.</summary>
    public const long DefaultTotalMessages = 10_000;

    public string Site { get; init; } = "PLANT1";

    /// <summary>Area of the generated equipment (ignored when <see cref="Equipment"/> is given).</summary>
    public string Area { get; init; } = "OSD";

    /// <summary>Line of the generated equipment (ignored when <see cref="Equipment"/> is given).</summary>
    public string Line { get; init; } = "OSD-L1";

    /// <summary>How many LOAD-001, LOAD-002, ... to publish for (ignored when <see cref="Equipment"/> is given).</summary>
    public int EquipmentCount { get; init; } = 10;

    /// <summary>An explicit list, for publishing to equipment a real plant model knows.</summary>
    public IReadOnlyList<EquipmentAddress>? Equipment { get; init; }

    /// <summary>Number of value tags v1..vN (ignored when <see cref="TagNames"/> is given).</summary>
    public int ValuesPerMessage { get; init; } = 5;

    /// <summary>Explicit tag names, for publishing tags a real plant model defines.</summary>
    public IReadOnlyList<string>? TagNames { get; init; }

    /// <summary>Total messages per second over all equipment; 0 = as fast as the in-flight window allows.</summary>
    public double MessagesPerSecond { get; init; }

    /// <summary>Stop after this many messages. With <see cref="Duration"/> too, whichever comes first.</summary>
    public long? TotalMessages { get; init; }

    /// <summary>Stop issuing publishes after this long.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>0 (at most once) or 1 (at least once, PUBACK counted).</summary>
    public int QualityOfService { get; init; } = 1;

    /// <summary>How many publishes may await their PUBACK (QoS 1) or socket write (QoS 0) at once.</summary>
    public int MaxInFlight { get; init; } = 100;

    /// <summary>Adds a "seq" value (1, 2, 3, ... over the whole run) so a receiver can count loss and duplicates exactly.</summary>
    public bool WithSequence { get; init; }

    /// <summary>Seed for the value noise, for reproducible payloads; null = random.</summary>
    public int? Seed { get; init; }

    /// <summary>After the last publish, how long to wait for outstanding PUBACKs before counting them as failed.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<EquipmentAddress> ResolveEquipment() =>
        Equipment ?? Enumerable.Range(1, EquipmentCount)
            .Select(i => new EquipmentAddress(Area, Line, $"LOAD-{i:D3}"))
            .ToArray();

    public IReadOnlyList<string> ResolveTagNames() =>
        TagNames ?? Enumerable.Range(1, ValuesPerMessage).Select(i => $"v{i}").ToArray();

    /// <summary>The message limit actually applied: unlimited only when a duration bounds the run.</summary>
    public long? EffectiveTotalMessages => TotalMessages ?? (Duration is null ? DefaultTotalMessages : null);

    public override void Validate()
    {
        base.Validate();
        TopicLevel.Validate(Site, "site");
        if (Equipment is null)
        {
            TopicLevel.Validate(Area, "area");
            TopicLevel.Validate(Line, "line");
            if (EquipmentCount is < 1 or > 999)
                throw new ArgumentException($"equipment count must be 1..999, got {EquipmentCount}");
        }
        else
        {
            if (Equipment.Count == 0)
                throw new ArgumentException("equipment list must not be empty");
            foreach (var address in Equipment)
                address.Validate();
        }

        if (TagNames is null)
        {
            if (ValuesPerMessage is < 1 or > 1000)
                throw new ArgumentException($"values per message must be 1..1000, got {ValuesPerMessage}");
        }
        else
        {
            if (TagNames.Count == 0)
                throw new ArgumentException("tag list must not be empty");
            if (TagNames.Any(string.IsNullOrWhiteSpace))
                throw new ArgumentException("tag names must not be empty");
            if (TagNames.Distinct(StringComparer.Ordinal).Count() != TagNames.Count)
                throw new ArgumentException("tag names must be distinct");
        }

        // "seq" is reserved for the sequence number, so a receiver never mistakes a value for it.
        if (WithSequence && ResolveTagNames().Contains(TelemetryPayloadWriter.SequenceTag, StringComparer.Ordinal))
            throw new ArgumentException($"tag name '{TelemetryPayloadWriter.SequenceTag}' is reserved with --with-sequence");
        if (!double.IsFinite(MessagesPerSecond) || MessagesPerSecond < 0)
            throw new ArgumentException($"rate must be >= 0, got {MessagesPerSecond}");
        if (TotalMessages is < 1)
            throw new ArgumentException($"messages must be >= 1, got {TotalMessages}");
        if (Duration is { } duration && duration <= TimeSpan.Zero)
            throw new ArgumentException($"duration must be > 0, got {duration}");
        if (QualityOfService is not (0 or 1))
            throw new ArgumentException($"qos must be 0 or 1, got {QualityOfService}");
        if (MaxInFlight is < 1 or > 65535)
            throw new ArgumentException($"in-flight window must be 1..65535, got {MaxInFlight}");
        if (DrainTimeout <= TimeSpan.Zero)
            throw new ArgumentException("drain timeout must be > 0");
    }
}
