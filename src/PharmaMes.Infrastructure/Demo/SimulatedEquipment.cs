using PharmaMes.Domain.Common;
using PharmaMes.Domain.Performance;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Demo;

/// <summary>
/// One simulated machine: a small state model (runs, faults now and then, is repaired, cleaned,
/// started again) and process values drifting with noise around their targets, with a rare
/// excursion past the alarm limits.
/// </summary>
internal sealed class SimulatedEquipment(string code, string baseTopic, EquipmentClass equipmentClass, EquipmentState state,
    IReadOnlyList<TagDefinition> tags, Random random, double eventfulness)
{
    private static readonly string[] Faults =
    [
        "Motor overload tripped", "Emergency stop pressed", "Guard door opened", "Air pressure low",
        "Product jam at the outfeed", "Temperature sensor fault", "Vacuum lost",
    ];

    private readonly Dictionary<string, double> _drift = tags.ToDictionary(t => t.Name.Value, _ => 0.0);
    private readonly Dictionary<string, int> _excursionTicks = [];
    private int _ticksInState;
    private int _stateLength = 60 + random.Next(120);
    // A scale shows a steady load until a container is put on or taken off, not a drifting process value.
    private double _scaleLoad;
    private int _scaleTicksLeft;

    public string Code { get; } = code;
    public string BaseTopic { get; } = baseTopic;
    public EquipmentState State { get; private set; } = state;
    /// <summary>When the current state began, as published (the start of a CIP cycle it reports at the end).</summary>
    public DateTimeOffset StateSince { get; set; } = DateTimeOffset.UtcNow;
    /// <summary>Bioreactors, chromatography skids and fillers clean in place and report their cycles.</summary>
    public bool CleansInPlace { get; } = equipmentClass is EquipmentClass.Bioreactor or EquipmentClass.ChromatographySkid or EquipmentClass.Filler;
    public long Good { get; private set; }
    public long Reject { get; private set; }

    /// <summary>Advances one tick; returns the new state and its reason when the state changed.</summary>
    public (EquipmentState State, string? Reason)? Step()
    {
        _ticksInState++;
        var next = Next();
        if (next is null)
            return null;
        State = next.Value.State;
        _ticksInState = 0;
        _stateLength = State switch
        {
            // Most faults are cleared within a minute or two (small stops); some take a technician longer.
            EquipmentState.Down => random.NextDouble() < 0.6 ? 20 + random.Next(80) : 180 + random.Next(420),
            EquipmentState.Cleaning => 60 + random.Next(120),
            EquipmentState.Idle => 10 + random.Next(40),
            _ => 300 + random.Next(900),
        };
        return next;
    }

    private (EquipmentState State, string? Reason)? Next()
    {
        switch (State)
        {
            case EquipmentState.Running:
                // A fault about every half hour of running, scaled by eventfulness.
                if (eventfulness > 0 && random.NextDouble() < eventfulness / 1800)
                    return (EquipmentState.Down, Fault());
                // Bioreactors run for days; other equipment finishes its batch now and then.
                if (equipmentClass != EquipmentClass.Bioreactor && _ticksInState > _stateLength)
                    return (EquipmentState.Idle, null);
                return null;
            case EquipmentState.Down:
                return _ticksInState > _stateLength ? (EquipmentState.Idle, null) : null;
            case EquipmentState.Cleaning:
                return _ticksInState > _stateLength ? (EquipmentState.Idle, null) : null;
            case EquipmentState.Idle:
                if (_ticksInState <= _stateLength)
                    return null;
                return random.NextDouble() < 0.3 ? (EquipmentState.Cleaning, null) : (EquipmentState.Running, null);
            case EquipmentState.Offline:
            case EquipmentState.Maintenance:
            case EquipmentState.Held:
                return _ticksInState > _stateLength ? (EquipmentState.Idle, null) : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// What the machine says about a fault: mostly a cause of its class's reason tree (as a PLC text names it, counted under
    /// that reason), sometimes a bare alarm text no tree knows (kept as sent).
    /// </summary>
    private string Fault()
    {
        var causes = DowntimeReasonTree.For(equipmentClass).Where(r => !r.Planned).ToList();
        return random.NextDouble() < 0.6 ? causes[random.Next(causes.Count)].Name : Faults[random.Next(Faults.Length)];
    }

    /// <summary>Current process values: only running (or held) equipment reports them.</summary>
    public IReadOnlyDictionary<string, double>? Sample(double intervalSeconds)
    {
        if (State is not (EquipmentState.Running or EquipmentState.Held))
            return null;
        var values = new Dictionary<string, double>(tags.Count);
        foreach (var tag in tags)
        {
            var name = tag.Name.Value;
            if (tag.Role == TagRole.ScaleWeight)
            {
                values[name] = ScaleLoad(tag.NormalRange);
                continue;
            }
            var normal = tag.NormalRange;
            var width = Math.Max(normal.High - normal.Low, 1e-6);
            // A slow random walk kept inside the normal range, plus a little noise.
            var drift = Math.Clamp(_drift[name] + (random.NextDouble() - 0.5) * 0.04, -0.4, 0.4);
            _drift[name] = drift;
            var value = normal.Low + width * (0.5 + drift) + (random.NextDouble() - 0.5) * width * 0.02;
            if (_excursionTicks.TryGetValue(name, out var left))
            {
                var alarm = tag.AlarmLimits;
                value = alarm.High + (alarm.High - alarm.Low) * 0.03 * (1 + random.NextDouble());
                if (left <= 1) _excursionTicks.Remove(name);
                else _excursionTicks[name] = left - 1;
            }
            else if (eventfulness > 0 && random.NextDouble() < eventfulness / 4000)
            {
                _excursionTicks[name] = 5 + random.Next(10);
            }
            values[name] = Math.Round(value, 3);
        }
        if (State == EquipmentState.Running && values.FirstOrDefault(v => v.Key == "speed") is { Key: not null } speed)
        {
            var made = (long)Math.Round(speed.Value * intervalSeconds / 60);
            var rejected = (long)Math.Round(made * 0.004 * random.NextDouble() * 2);
            Good += made - rejected;
            Reject += rejected;
        }
        return values;
    }

    public bool HasCounters => tags.Any(t => t.Name.Value == "speed");

    /// <summary>A load that stays put for half a minute or so, then changes (the next container), to the gram.</summary>
    private double ScaleLoad(ValueRange normal)
    {
        if (_scaleTicksLeft-- <= 0)
        {
            _scaleLoad = Math.Round(normal.Low + (normal.High - normal.Low) * random.NextDouble() * 0.5, 3);
            _scaleTicksLeft = 20 + random.Next(40);
        }
        return _scaleLoad;
    }
}
