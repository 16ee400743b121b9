namespace PharmaMes.Infrastructure.Live;

/// <summary>The stock of these materials changed (a dispense, a receipt, a batch's output, a lot status): screens re-read them.</summary>
public sealed record InventoryChanged(IReadOnlyList<string> MaterialCodes);
