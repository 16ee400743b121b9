namespace PharmaMes.Infrastructure.Production;

/// <summary>The answer to an order from the ERP: the order that holds its external id, and on a conflict the fields that differ.</summary>
public sealed record ErpOrderIntakeResult(ErpOrderOutcome Outcome, ErpOrderView Order, IReadOnlyList<string> DifferingFields);
