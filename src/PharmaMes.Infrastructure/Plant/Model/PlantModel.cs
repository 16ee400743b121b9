namespace PharmaMes.Infrastructure.Plant.Model;

/// <summary>
/// The plant as an engineer describes it: sites, areas, lines, equipment and their tags, by code.
/// What the JSON of <c>/api/v1/plant/model</c> is, and what the B2MML and CSV forms are read into.
/// </summary>
public sealed record PlantModel(IReadOnlyList<SiteModel> Sites);
