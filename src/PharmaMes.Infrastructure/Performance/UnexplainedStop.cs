using PharmaMes.Domain.Performance;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Performance;

/// <summary>A stop nobody has said the reason of yet, with the reasons its equipment's class offers.</summary>
public sealed record UnexplainedStop(Guid IntervalId, string Equipment, string EquipmentName, EquipmentState State, DateTimeOffset Start, DateTimeOffset? End,
    IReadOnlyList<DowntimeReason> Reasons);
