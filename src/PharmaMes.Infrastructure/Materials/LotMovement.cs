using PharmaMes.Domain.Materials;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>One inventory ledger entry of a lot.</summary>
public sealed record LotMovement(InventoryMovement Movement, decimal Change, string Unit, DateTimeOffset OccurredAt, string? Reference, string? Reason, string RecordedBy);
