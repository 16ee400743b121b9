namespace PharmaMes.Infrastructure.Materials;

/// <summary>The lot a receipt made, or, when the lot number was already taken, that lot as it stands (nothing was saved).</summary>
public sealed record LotReceiptResult(bool AlreadyReceived, LotDetails Lot);
