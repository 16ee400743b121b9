namespace PharmaMes.Infrastructure;

/// <summary>Which health checks <c>/health/ready</c> asks: those that say whether this node can do its work.</summary>
public static class HealthTags
{
    public const string Ready = "ready";
}
