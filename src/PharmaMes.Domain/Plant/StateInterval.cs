using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Plant;

/// <summary>
/// A span of time an equipment spent in one state, with why. The open interval (no end) is the
/// current state; downtime and OEE are computed from these.
/// </summary>
public class StateInterval
{
    public const int ReasonMaxLength = 200;

    public Guid Id { get; private set; }
    public Guid EquipmentId { get; private set; }
    public EquipmentState State { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? Reason { get; private set; }

    protected StateInterval() { }

    public StateInterval(Guid equipmentId, EquipmentState state, DateTimeOffset startedAt, string? reason)
    {
        Id = Ids.New();
        EquipmentId = equipmentId;
        State = state;
        StartedAt = startedAt;
        Reason = Guard.OptionalText(reason, "A state reason", ReasonMaxLength);
    }

    public bool IsOpen => EndedAt is null;

    public void End(DateTimeOffset at)
    {
        if (EndedAt is not null)
            throw new DomainException($"The {State} interval that started {StartedAt:u} has already ended.");
        if (at < StartedAt)
            throw new DomainException($"The {State} interval cannot end at {at:u}, before it started at {StartedAt:u}.");
        EndedAt = at;
    }
}
