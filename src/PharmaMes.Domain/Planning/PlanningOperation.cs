namespace PharmaMes.Domain.Planning;

/// <summary>
/// One step of an order to place on equipment: the equipment that may run it, each with how long it takes there
/// (from the recipe's step duration or the equipment's ideal rate and the order quantity).
/// </summary>
/// <param name="Step">The recipe step's number; an order's operations run in this order.</param>
/// <param name="DurationOn">Each eligible equipment's code and the operation's duration on it.</param>
public sealed record PlanningOperation(int Step, IReadOnlyDictionary<string, TimeSpan> DurationOn);
