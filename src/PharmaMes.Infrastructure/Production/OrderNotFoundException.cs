using PharmaMes.Domain.Common;

namespace PharmaMes.Infrastructure.Production;

/// <summary>No production order has the number (or external id) asked for.</summary>
public sealed class OrderNotFoundException(string key) : DomainException($"There is no production order '{key}'.")
{
    public string Key { get; } = key;
}
