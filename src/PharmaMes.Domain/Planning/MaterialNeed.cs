namespace PharmaMes.Domain.Planning;

/// <summary>What an order's steps still to start consume, per material: it must all be there before the order starts.</summary>
public sealed record MaterialNeed(string OrderNumber, IReadOnlyDictionary<string, decimal> Quantities);
