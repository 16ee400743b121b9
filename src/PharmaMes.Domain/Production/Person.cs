using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Production;

/// <summary>
/// Someone acting on a batch or an order (ISA-95 person): the user's id, which the rules compare
/// (segregation of duties), and the full name written into the record at that moment, so a later
/// rename does not change history.
/// </summary>
public readonly record struct Person
{
    public const int NameMaxLength = 200;

    public Guid Id { get; }
    public string Name { get; }

    public Person(Guid id, string name)
    {
        Id = id == Guid.Empty ? throw new DomainException("A person needs a user id.") : id;
        Name = Guard.Text(name, "A person's name", NameMaxLength);
    }

    public override string ToString() => Name;
}
