using PharmaMes.Domain.Common;

namespace PharmaMes.Infrastructure.Production;

/// <summary>No batch has the number asked for (a 404 at the API).</summary>
public sealed class BatchNotFoundException(string number) : DomainException($"There is no batch {number}.")
{
    public string Number { get; } = number;
}
