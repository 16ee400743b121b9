using FluentValidation;
using PharmaMes.Web.Endpoints;

namespace PharmaMes.Web.Components.Pages.Inventory;

/// <summary>A lot received at the warehouse, entered by hand: it goes to Quarantine until QA decides.</summary>
public class ReceiveLotForm : ILotReceiptEntry
{
    public string LotNumber { get; set; } = "";
    public decimal? Quantity { get; set; }
    public DateOnly? ExpiryDate { get; set; }
    public string? SupplierLot { get; set; }

    /// <summary>The receipt rules the ERP's API applies too; the material and its unit come from the page.</summary>
    public sealed class Validator : AbstractValidator<ReceiveLotForm>
    {
        public Validator(TimeProvider clock) => Include(new LotReceiptRules(clock));
    }
}
