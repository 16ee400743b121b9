using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Plant;

/// <summary>An equipment's state intervals and excursions over a range, for its page and the API.</summary>
public sealed record EquipmentHistory(string EquipmentCode, IReadOnlyList<StateSpan> States, IReadOnlyList<ExcursionSummary> Excursions);

public sealed record StateSpan(EquipmentState State, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? Reason);

public sealed record ExcursionSummary(Guid Id, string Tag, ExcursionDirection Direction, double Limit, double Peak, DateTimeOffset StartedAt, DateTimeOffset? EndedAt);
