using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Performance;

/// <summary>
/// Why a stop happened, as a person said it after the fact: the stop is the equipment's state interval, the reason a
/// leaf of its class's tree. Append-only and audited: a later assignment for the same stop supersedes an earlier one.
/// </summary>
public class StopReason
{
    public const int ReasonMaxLength = 200;

    public Guid Id { get; private set; }
    public Guid StateIntervalId { get; private set; }
    public Guid EquipmentId { get; private set; }
    public string Reason { get; private set; } = "";
    public bool Planned { get; private set; }
    public string AssignedBy { get; private set; } = "";
    public DateTimeOffset AssignedAt { get; private set; }
    /// <summary>
    /// Where this reason starts within the stop when a person split it into parts (each part runs to the next part's
    /// start); null for the whole stop, or its first part. The parts of one split share <see cref="AssignedAt"/>.
    /// </summary>
    public DateTimeOffset? From { get; private set; }

    protected StopReason() { }

    public StopReason(Guid stateIntervalId, Guid equipmentId, DowntimeReason reason, string assignedBy, DateTimeOffset at, DateTimeOffset? from = null)
    {
        From = from;
        Id = Ids.New();
        StateIntervalId = stateIntervalId;
        EquipmentId = equipmentId;
        Reason = Guard.Text(reason.Path, "A stop reason", ReasonMaxLength);
        Planned = reason.Planned;
        AssignedBy = Guard.Text(assignedBy, "Who gave the reason", 200);
        AssignedAt = at;
    }
}
