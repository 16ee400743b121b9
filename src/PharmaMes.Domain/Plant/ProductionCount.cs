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
    /// <summary>
    /// Good units the MES has counted for the equipment up to and including this report, across the device's resets.
    /// Reports arrive in time order, so this running total is final when written; the units between two instants are
    /// the difference of the totals there (what OEE reads instead of adding up every report).
    /// </summary>
    public long TotalGood { get; private set; }
    /// <summary>Rejected units counted up to and including this report; see <see cref="TotalGood"/>.</summary>
    public long TotalReject { get; private set; }

    protected ProductionCount() { }

    private ProductionCount(Guid equipmentId, DateTimeOffset at, long good, long reject, bool afterReset, (long Good, long Reject) totalBefore)
    {
        Id = Ids.New();
        EquipmentId = equipmentId;
        At = at;
        Good = good;
        Reject = reject;
        AfterCounterReset = afterReset;
        TotalGood = totalBefore.Good + good;
        TotalReject = totalBefore.Reject + reject;
    }

    /// <summary>
    /// The delta between two cumulative readings. A counter lower than before means the device
    /// reset it: the new reading itself is what was made since the reset.
    /// </summary>
    /// <param name="totalBefore">The equipment's running totals before this report.</param>
    internal static ProductionCount Between(Guid equipmentId, CounterReading? previous, CounterReading current, (long Good, long Reject) totalBefore)
    {
        if (previous is null)
            return new ProductionCount(equipmentId, current.At, 0, 0, false, totalBefore);
        var reset = current.Good < previous.Value.Good || current.Reject < previous.Value.Reject;
        return reset
            ? new ProductionCount(equipmentId, current.At, current.Good, current.Reject, true, totalBefore)
            : new ProductionCount(equipmentId, current.At, current.Good - previous.Value.Good, current.Reject - previous.Value.Reject, false, totalBefore);
    }
}
