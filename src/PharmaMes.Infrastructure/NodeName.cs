using Microsoft.Extensions.Configuration;

namespace PharmaMes.Infrastructure;

/// <summary>
/// Which node of the MES this process is (<c>Node:Name</c>, by default the machine's name): the
/// <c>service.instance.id</c> of its metrics and traces and the name of its background job server,
/// so nodes behind one load balancer, or on one SQL Server, are told apart.
/// </summary>
public static class NodeName
{
    public const string Setting = "Node:Name";

    public static string Of(IConfiguration configuration) =>
        configuration[Setting] is { } name && !string.IsNullOrWhiteSpace(name) ? name.Trim() : Environment.MachineName;
}
