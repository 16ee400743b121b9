namespace PharmaMes.Infrastructure.Identity;

/// <summary>The roles people hold, and the role machine clients act in.</summary>
public static class MesRoles
{
    public const string Operator = "Operator";
    public const string Supervisor = "Supervisor";
    public const string QA = "QA";
    public const string Planner = "Planner";
    public const string Maintenance = "Maintenance";
    public const string Admin = "Admin";

    /// <summary>Given to machine clients (ERP, supply-chain platform) that present an API key; never to a person.</summary>
    public const string Integration = "Integration";

    public static readonly IReadOnlyList<string> PersonRoles = [Operator, Supervisor, QA, Planner, Maintenance, Admin];
}
