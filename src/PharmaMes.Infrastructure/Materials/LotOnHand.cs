using PharmaMes.Domain.Materials;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>One lot of a material and what it holds.</summary>
public sealed record LotOnHand(string Number, LotStatus Status, DateOnly ExpiryDate, decimal OnHand);
