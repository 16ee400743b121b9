namespace PharmaMes.Infrastructure.Materials;

/// <summary>A goods receipt from the ERP: a new lot of a material, in the material's unit.</summary>
public sealed record LotReceipt(string Material, string LotNumber, decimal Quantity, string Unit, DateOnly ExpiryDate, string? SupplierLot);
