namespace PharmaMes.Infrastructure.Materials;

/// <summary>Backward: what went into a lot. Forward: where a lot went.</summary>
public enum GenealogyDirection
{
    Backward,
    Forward,
}
