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

    /// <summary>
    /// A GS1 container label scanned into the lot field: its lot (10) becomes the lot number, its expiry (17) the
    /// expiry date, and its count (30 or 37) the quantity of a material counted in pieces (for one weighed in kg
    /// the count is of containers, not of the unit). False when the field holds no label; the note says what was
    /// read, or which part of the label is wrong.
    /// </summary>
    public bool TryTakeLabel(string unit, out string? note, out bool wrong)
    {
        note = null;
        wrong = false;
        if (!ShopFloor.Gs1Label.Looks(LotNumber))
            return false;
        if (!ShopFloor.Gs1Label.TryParse(LotNumber, out var label, out var error))
        {
            (note, wrong) = (error, true);
            return true;
        }
        if (label.Lot is null)
        {
            (note, wrong) = ("The label carries no lot (10): scan the barcode with the lot, or type the lot number.", true);
            return true;
        }
        LotNumber = label.Lot;
        var read = new List<string> { $"lot {label.Lot}" };
        if (label.Expiry is { } expiry)
        {
            ExpiryDate = expiry;
            read.Add($"expiry {expiry:yyyy-MM-dd}");
        }
        if (label.Count is { } count && unit == CountedUnit)
        {
            Quantity = count;
            read.Add($"{count} {unit}");
        }
        if (label.Gtin is { } gtin)
            read.Add($"GTIN {gtin}");
        note = $"Label read: {string.Join(", ", read)}. Check it against the delivery note.";
        return true;
    }

    /// <summary>The unit of materials counted in pieces, for which a label's count is the quantity.</summary>
    private const string CountedUnit = "pcs";

    /// <summary>The receipt rules the ERP's API applies too; the material and its unit come from the page.</summary>
    public sealed class Validator : AbstractValidator<ReceiveLotForm>
    {
        public Validator(TimeProvider clock) => Include(new LotReceiptRules(clock));
    }
}
