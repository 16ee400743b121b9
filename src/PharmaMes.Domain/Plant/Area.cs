using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Plant;

/// <summary>An area of a site, e.g. oral solid dose or biologics.</summary>
public class Area
{
    public const int NameMaxLength = 100;

    private readonly List<Line> _lines = [];

    public Guid Id { get; private set; }
    public Guid SiteId { get; private set; }
    public PlantCode Code { get; private set; }
    public string Name { get; private set; } = "";
    public IReadOnlyCollection<Line> Lines => _lines.AsReadOnly();

    protected Area() { }

    internal Area(Guid siteId, PlantCode code, string name)
    {
        Id = Ids.New();
        SiteId = siteId;
        Code = code;
        Name = Guard.Text(name, "An area name", NameMaxLength);
    }

    /// <summary>Names may be corrected; the code never changes, since topics, records and other systems use it.</summary>
    public void Rename(string name) => Name = Guard.Text(name, "An area name", NameMaxLength);

    public Line AddLine(PlantCode code, string name)
    {
        if (_lines.Any(l => l.Code == code))
            throw new DomainException($"Area {Code} already has a line {code}.");
        var line = new Line(Id, code, name);
        _lines.Add(line);
        return line;
    }
}
