using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Performance;

/// <summary>A time an equipment spent in one state, closed (an open interval ends at the moment of asking).</summary>
public sealed record StateSpan(EquipmentState State, DateTimeOffset Start, DateTimeOffset End, string? Reason)
{
    public TimeSpan Length => End - Start;
}
