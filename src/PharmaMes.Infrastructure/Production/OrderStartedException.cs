using PharmaMes.Domain.Common;

namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// The order is past changing: it has started (its first batch was made), ended or been cancelled
/// (a 409 at the API: the request was right, the order's state refuses it).
/// </summary>
public sealed class OrderStartedException(string number, string message) : DomainException(message)
{
    public string Number { get; } = number;
}
