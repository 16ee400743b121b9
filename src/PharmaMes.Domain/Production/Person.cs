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

    /// <summary>
    /// PharmaMes itself, for what it does on its own by a rule (e.g. holding the batch on an equipment that went Down).
    /// Its id is no user's, so segregation-of-duties rules never mistake it for a person.
    /// </summary>
    public static readonly Person Mes = new(new Guid("7e5a0000-0000-4000-8000-00000000a11e"), "PharmaMes (automatic)");

    public Guid Id { get; }
    public string Name { get; }

    public Person(Guid id, string name)
    {
        Id = id == Guid.Empty ? throw new DomainException("A person needs a user id.") : id;
        Name = Guard.Text(name, "A person's name", NameMaxLength);
    }

    public override string ToString() => Name;
}
