using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Plant;

/// <summary>A manufacturing site, the root of the plant hierarchy: Site &gt; Area &gt; Line &gt; Equipment.</summary>
public class Site
{
    public const int NameMaxLength = 100;

    private readonly List<Area> _areas = [];

    public Guid Id { get; private set; }
    public PlantCode Code { get; private set; }
    public string Name { get; private set; } = "";
    public IReadOnlyCollection<Area> Areas => _areas.AsReadOnly();
    /// <summary>A schedule proposal that makes no order miss its due date goes in force without waiting for a planner.</summary>
    public bool AutoApplyProposals { get; private set; }

    protected Site() { }

    public Site(PlantCode code, string name)
    {
        Id = Ids.New();
        Code = code;
        Name = Guard.Text(name, "A site name", NameMaxLength);
    }

    /// <summary>Names may be corrected; the code never changes, since topics, records and other systems use it.</summary>
    public void Rename(string name) => Name = Guard.Text(name, "A site name", NameMaxLength);

    /// <summary>A planner's rule for the site's schedule: proposals that make no order late are applied by themselves, or wait.</summary>
    public void SetAutoApplyProposals(bool on) => AutoApplyProposals = on;

    public Area AddArea(PlantCode code, string name)
    {
        if (_areas.Any(a => a.Code == code))
            throw new DomainException($"Site {Code} already has an area {code}.");
        var area = new Area(Id, code, name);
        _areas.Add(area);
        return area;
    }
}
