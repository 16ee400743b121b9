using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Plant;

/// <summary>
/// Good and rejected units an equipment made since its previous counter report. Devices send
/// cumulative counters; these deltas are what OEE and batch yield add up.
/// </summary>
public class ProductionCount
{
    public Guid Id { get; private set; }
    public Guid EquipmentId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public long Good { get; private set; }
    public long Reject { get; private set; }
    /// <summary>True when the device's counters restarted (a PLC reset) before this report.</summary>
    public bool AfterCounterReset { get; private set; }

    protected ProductionCount() { }

    private ProductionCount(Guid equipmentId, DateTimeOffset at, long good, long reject, bool afterReset)
    {
        Id = Ids.New();
        EquipmentId = equipmentId;
        At = at;
        Good = good;
        Reject = reject;
        AfterCounterReset = afterReset;
    }

    /// <summary>
    /// The delta between two cumulative readings. A counter lower than before means the device
    /// reset it: the new reading itself is what was made since the reset.
    /// </summary>
    public static ProductionCount Between(Guid equipmentId, CounterReading? previous, CounterReading current)
    {
        if (previous is null)
            return new ProductionCount(equipmentId, current.At, 0, 0, false);
        var reset = current.Good < previous.Value.Good || current.Reject < previous.Value.Reject;
        return reset
            ? new ProductionCount(equipmentId, current.At, current.Good, current.Reject, true)
            : new ProductionCount(equipmentId, current.At, current.Good - previous.Value.Good, current.Reject - previous.Value.Reject, false);
    }
}
