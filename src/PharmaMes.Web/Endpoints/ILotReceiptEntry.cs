namespace PharmaMes.Web.Endpoints;

/// <summary>What is entered for a lot received, whether the ERP sends it or a person types it from the label.</summary>
public interface ILotReceiptEntry
{
    string? LotNumber { get; }
    decimal? Quantity { get; }
    DateOnly? ExpiryDate { get; }
    string? SupplierLot { get; }
}
