namespace PharmaMes.Domain.Plant;

public enum ExcursionDirection
{
    /// <summary>Above the high alarm limit.</summary>
    High,
    /// <summary>Below the low alarm limit.</summary>
    Low,
}
