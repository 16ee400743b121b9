namespace PharmaMes.Infrastructure.Production;

/// <summary>What planning may change on an order before it starts, and why (the reason goes into the audit trail).</summary>
public sealed record OrderChange(decimal Quantity, DateOnly DueDate, int Priority, string? LineCode, string? CustomerReference, string Reason);
