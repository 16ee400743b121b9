namespace PharmaMes.Infrastructure.Plant;

/// <summary>The levels of the ISA-95 equipment hierarchy the MES keeps.</summary>
public enum PlantLevel
{
    Site,
    Area,
    Line,
    Equipment,
}
