namespace PharmaMes.Infrastructure.Materials;

/// <summary>The genealogy of one lot in one direction. <see cref="Truncated"/> says the depth limit cut a branch.</summary>
public sealed record GenealogyTree(GenealogyDirection Direction, GenealogyLot Root, int Levels, bool Truncated);
