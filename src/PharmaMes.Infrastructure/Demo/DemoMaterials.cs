using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Infrastructure.Demo;

/// <summary>
/// Materials of the two demo products (paracetamol 500 mg tablets, a monoclonal antibody in vials),
/// with lots in every status and their receipts and issues in the ledger.
/// </summary>
internal static class DemoMaterials
{
    private const string Receiver = "demo-seed";

    public sealed record Stock(IReadOnlyList<Material> Materials, IReadOnlyList<MaterialLot> Lots, IReadOnlyList<InventoryLedgerEntry> Ledger);

    public static Stock Build(DateTimeOffset now)
    {
        var materials = new List<Material>();
        var lots = new List<MaterialLot>();
        var ledger = new List<InventoryLedgerEntry>();

        Material Add(string code, string name, MaterialType type, string unit, decimal reorderPoint, decimal safetyStock)
        {
            var material = new Material(new MaterialCode(code), name, type, new UnitOfMeasure(unit), reorderPoint, safetyStock);
            materials.Add(material);
            return material;
        }

        // Receives a lot (received days ago), brings it to the wanted status, and issues some of it.
        void Lot(Material material, string number, decimal received, LotStatus status, int receivedDaysAgo, int shelfLifeDays, decimal issued = 0)
        {
            var receivedAt = now.AddDays(-receivedDaysAgo);
            var expiry = DateOnly.FromDateTime(receivedAt.UtcDateTime).AddDays(shelfLifeDays);
            var lot = MaterialLot.Receive(new LotNumber(number), material, expiry, receivedAt, supplierLot: $"S-{number}", location: "WH-A");
            ledger.Add(InventoryLedgerEntry.Receipt(lot, material.QuantityOf(received), receivedAt, Receiver, reference: $"GR-{number}"));
            switch (status)
            {
                case LotStatus.Released:
                    lot.Release(receivedAt.AddDays(3));
                    break;
                case LotStatus.Rejected:
                    lot.Reject("Assay out of specification (97.1 %, limit 98.0–102.0 %)", receivedAt.AddDays(4));
                    break;
                case LotStatus.Expired:
                    lot.Release(receivedAt.AddDays(3));
                    lot.Expire(now);
                    break;
            }
            if (issued > 0)
                ledger.Add(InventoryLedgerEntry.IssueToBatch(lot, material.QuantityOf(issued), material.QuantityOf(received), "B-2026-0001", receivedAt.AddDays(5), Receiver));
            lots.Add(lot);
        }

        var paracetamol = Add("API-PARA", "Paracetamol (acetaminophen) Ph. Eur.", MaterialType.RawMaterial, "kg", 200, 80);
        Lot(paracetamol, "PARA-24-0117", 400, LotStatus.Released, 20, 730, issued: 255);
        // Received four days ago, its QC tests are due: planning counts on its release (Planning:QuarantineReleaseDays).
        Lot(paracetamol, "PARA-24-0121", 400, LotStatus.Quarantine, 4, 730);
        Lot(paracetamol, "PARA-23-0904", 150, LotStatus.Expired, 760, 730);

        var mcc = Add("EXC-MCC", "Microcrystalline cellulose PH-101", MaterialType.Excipient, "kg", 150, 50);
        Lot(mcc, "MCC-24-3310", 500, LotStatus.Released, 40, 1095, issued: 65);
        Lot(mcc, "MCC-24-3298", 250, LotStatus.Rejected, 45, 1095);

        var povidone = Add("EXC-PVP", "Povidone K30", MaterialType.Excipient, "kg", 30, 10);
        Lot(povidone, "PVP-24-0042", 60, LotStatus.Released, 30, 1095, issued: 9);

        var croscarmellose = Add("EXC-CROS", "Croscarmellose sodium", MaterialType.Excipient, "kg", 20, 8);
        Lot(croscarmellose, "CROS-24-0310", 25, LotStatus.Released, 50, 1095, issued: 12);
        Lot(croscarmellose, "CROS-24-0388", 25, LotStatus.Quarantine, 4, 1095);

        var magnesium = Add("EXC-MGST", "Magnesium stearate", MaterialType.Excipient, "kg", 10, 4);
        Lot(magnesium, "MGST-24-0077", 25, LotStatus.Released, 35, 1095, issued: 3);

        var coating = Add("COAT-OPA", "Film coating system, white", MaterialType.Excipient, "kg", 40, 15);
        // The released lot the demo batches coat with; the one just received waits for QA.
        Lot(coating, "OPA-24-1102", 50, LotStatus.Released, 30, 730);
        Lot(coating, "OPA-24-1180", 100, LotStatus.Quarantine, 1, 730);

        var foil = Add("PKG-FOIL", "Aluminium lidding foil 20 µm", MaterialType.Packaging, "m", 5000, 2000);
        Lot(foil, "FOIL-24-0450", 20000, LotStatus.Released, 25, 1825, issued: 4200);
        var pvc = Add("PKG-PVC", "PVC/PVdC forming film 250 µm", MaterialType.Packaging, "m", 5000, 2000);
        Lot(pvc, "PVC-24-0388", 20000, LotStatus.Released, 25, 1825, issued: 4200);
        var carton = Add("PKG-CARTON", "Folding carton, 2 × 10 tablets", MaterialType.Packaging, "pcs", 20000, 5000);
        Lot(carton, "CART-24-0911", 50000, LotStatus.Released, 15, 1825, issued: 18000);
        Lot(carton, "CART-24-0967", 50000, LotStatus.Quarantine, 4, 1825);

        var granulate = Add("INT-GRAN", "Paracetamol granulate, dried", MaterialType.Intermediate, "kg", 0, 0);
        Lot(granulate, "B-2026-0001-G", 340, LotStatus.Released, 14, 90, issued: 340);
        Add("INT-CORE", "Paracetamol 500 mg tablet cores", MaterialType.Intermediate, "pcs", 0, 0);

        var tablets = Add("FG-PARA500", "Paracetamol 500 mg film-coated tablets, 20 per carton", MaterialType.FinishedGood, "pcs", 0, 0);
        Lot(tablets, "B-2026-0001", 16800, LotStatus.Released, 10, 1095);

        var medium = Add("RM-MEDIA", "CHO chemically defined growth medium", MaterialType.RawMaterial, "L", 2000, 800);
        Lot(medium, "MED-24-0612", 4000, LotStatus.Released, 12, 365, issued: 1400);
        Lot(medium, "MED-24-0640", 4000, LotStatus.Quarantine, 1, 365);
        var feed = Add("RM-FEED", "Glucose feed solution 400 g/L", MaterialType.RawMaterial, "L", 200, 80);
        Lot(feed, "FEED-24-0220", 500, LotStatus.Released, 12, 180, issued: 140);
        var vials = Add("PKG-VIAL", "10R glass vial, type I, ready-to-use", MaterialType.Packaging, "pcs", 20000, 8000);
        Lot(vials, "VIAL-24-1002", 60000, LotStatus.Released, 20, 1825, issued: 42000);
        Lot(vials, "VIAL-24-0987", 30000, LotStatus.Rejected, 30, 1825);
        Add("INT-HCCF", "Harvested cell culture fluid", MaterialType.Intermediate, "L", 0, 0);
        Add("FG-MAB10", "mAb 100 mg/10 mL solution for infusion, vial", MaterialType.FinishedGood, "pcs", 0, 0);

        return new Stock(materials, lots, ledger);
    }
}
