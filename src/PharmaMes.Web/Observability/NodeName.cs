namespace PharmaMes.Web.Observability;

/// <summary>
/// Which node of the MES this process is (<c>Node:Name</c>, by default the machine's name): the
/// <c>service.instance.id</c> of its metrics and traces, so nodes behind one load balancer are told apart.
/// </summary>
public static class NodeName
{
    public const string Setting = "Node:Name";

    public static string Of(IConfiguration configuration) =>
        configuration[Setting] is { Length: > 0 } name && !string.IsNullOrWhiteSpace(name) ? name.Trim() : Environment.MachineName;
}
