using PharmaMes.Domain.Common;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>No schedule impact has the id asked for (a 404 at the API).</summary>
public sealed class ImpactNotFoundException(Guid id) : DomainException($"There is no schedule impact {id}.")
{
    public Guid Id { get; } = id;
}
