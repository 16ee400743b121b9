using PharmaMes.Infrastructure.Plant;

namespace PharmaMes.Web.Components.Pages.Admin;

/// <summary>A node of the plant tree, by the codes of its path from the site.</summary>
public sealed record PlantNode(PlantLevel Level, string Site, string? Area = null, string? Line = null, string? Equipment = null)
{
    public string Code => Equipment ?? Line ?? Area ?? Site;
}
