using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Plant;

/// <summary>A production line (ISA-95 work centre) in an area.</summary>
public class Line
{
    public const int NameMaxLength = 100;

    private readonly List<Equipment> _equipment = [];

    public Guid Id { get; private set; }
    public Guid AreaId { get; private set; }
    public PlantCode Code { get; private set; }
    public string Name { get; private set; } = "";
    public IReadOnlyCollection<Equipment> Equipment => _equipment.AsReadOnly();

    protected Line() { }

    internal Line(Guid areaId, PlantCode code, string name)
    {
        Id = Ids.New();
        AreaId = areaId;
        Code = code;
        Name = Guard.Text(name, "A line name", NameMaxLength);
    }

    /// <summary>Names may be corrected; the code never changes, since topics, records and other systems use it.</summary>
    public void Rename(string name) => Name = Guard.Text(name, "A line name", NameMaxLength);

    public Equipment AddEquipment(PlantCode code, string name, EquipmentClass equipmentClass, DateTimeOffset now)
    {
        if (_equipment.Any(e => e.Code == code))
            throw new DomainException($"Line {Code} already has equipment {code}.");
        var equipment = new Equipment(Id, code, name, equipmentClass, now);
        _equipment.Add(equipment);
        return equipment;
    }
}
