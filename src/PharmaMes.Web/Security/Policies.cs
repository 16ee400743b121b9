namespace PharmaMes.Web.Security;

/// <summary>Named authorization policies; pages and endpoints name these, never raw role lists.</summary>
public static class Policies
{
    public const string Admin = nameof(Admin);
    /// <summary>Any person in a plant role, or a machine client with an API key.</summary>
    public const string PlantReader = nameof(PlantReader);
    /// <summary>People who look after the data path: maintenance, supervisors, administrators.</summary>
    public const string Engineering = nameof(Engineering);
}
