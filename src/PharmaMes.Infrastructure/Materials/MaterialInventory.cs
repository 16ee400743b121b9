using PharmaMes.Infrastructure.Materials;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>A material's stock by lot status, and its lots.</summary>
public sealed record MaterialInventory(MaterialStock Stock, IReadOnlyList<LotOnHand> Lots);
