using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Plant.Model;

/// <summary>The stored plant as a <see cref="PlantModel"/>, every level ordered by code and tags in their order.</summary>
internal static class PlantModelExport
{
    public static PlantModel From(IEnumerable<Site> sites) =>
        new(sites.OrderBy(s => s.Code.Value, StringComparer.Ordinal).Select(site => new SiteModel(site.Code.Value, site.Name,
            site.Areas.OrderBy(a => a.Code.Value, StringComparer.Ordinal).Select(area => new AreaModel(area.Code.Value, area.Name,
                area.Lines.OrderBy(l => l.Code.Value, StringComparer.Ordinal).Select(line => new LineModel(line.Code.Value, line.Name,
                    line.Equipment.OrderBy(e => e.Code.Value, StringComparer.Ordinal).Select(Equipment).ToList())).ToList())).ToList())).ToList());

    private static EquipmentModel Equipment(Equipment e) =>
        new(e.Code.Value, e.Name, e.Class,
            e.Tags.OrderBy(t => t.Position).Select(t => new TagModel(t.Name.Value, t.Description, t.Unit.Symbol,
                t.NormalRange.Low, t.NormalRange.High, t.AlarmLimits.Low, t.AlarmLimits.High, t.Role, SparkplugMetric: t.SparkplugMetric)).ToList(),
            EquipmentSettingsRules.Of(e), e.IsRetired, SparkplugAddress: SparkplugAddressModel.Of(e.SparkplugAddress));
}
