using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Plant;

/// <summary>
/// The plant-wide rule of Sparkplug addresses: every address places one equipment. An explicit
/// address may be claimed by one equipment only and may not be the default address
/// (site/line/equipment code) of another; new equipment may not get a default address another claims.
/// </summary>
public static class SparkplugAddressing
{
    /// <summary>Gives <paramref name="equipment"/> its explicit address, or takes it away (null: the default rule).</summary>
    public static void Assign(IEnumerable<Site> plant, Equipment equipment, SparkplugAddress? address)
    {
        if (address is not null)
            foreach (var (site, line, other) in AllEquipment(plant))
            {
                if (other == equipment || other.Id == equipment.Id)
                    continue;
                if (other.SparkplugAddress is { } claimed && claimed.SameAs(address))
                    throw new DomainException($"Sparkplug address {address} is already the address of equipment {other.Code}; each address places one equipment.");
                if (SparkplugAddress.Default(site.Code, line.Code, other.Code).SameAs(address))
                    throw new DomainException(
                        $"Sparkplug address {address} is the default address of equipment {other.Code} (site {site.Code}, line {line.Code}); choose another.");
            }
        equipment.SetSparkplugAddress(address);
    }

    /// <summary>Refuses new equipment whose default address another equipment already claims explicitly.</summary>
    public static void EnsureDefaultFree(IEnumerable<Site> plant, PlantCode site, PlantCode line, PlantCode code)
    {
        var address = SparkplugAddress.Default(site, line, code);
        foreach (var (_, _, other) in AllEquipment(plant))
            if (other.Code != code && other.SparkplugAddress is { } claimed && claimed.SameAs(address))
                throw new DomainException(
                    $"Equipment {other.Code} has Sparkplug address {claimed}, the default address of {code} on line {line}: change that address first.");
    }

    private static IEnumerable<(Site Site, Line Line, Equipment Equipment)> AllEquipment(IEnumerable<Site> plant) =>
        from site in plant from area in site.Areas from line in area.Lines from equipment in line.Equipment select (site, line, equipment);
}
