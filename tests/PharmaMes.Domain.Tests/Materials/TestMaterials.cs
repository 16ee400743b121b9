using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Domain.Tests.Materials;

/// <summary>Builds materials and lots for tests, at fixed times.</summary>
internal static class TestMaterials
{
    public static readonly UnitOfMeasure Kg = new("kg");
    public static readonly UnitOfMeasure G = new("g");

    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ReleasedAt = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);

    /// <summary>The expiry date of <see cref="ReceivedLot"/>: good through this day.</summary>
    public static readonly DateOnly ExpiryDate = new(2027, 11, 30);

    /// <summary>Noon UTC on the expiry date: the lot is still good.</summary>
    public static readonly DateTimeOffset OnExpiryDate = new(2027, 11, 30, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Midnight UTC after the expiry date: the lot has expired.</summary>
    public static readonly DateTimeOffset DayAfterExpiry = new(2027, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public const string LotNo = "L-2026-001";

    public static Material Paracetamol() =>
        new(new MaterialCode("API-PARA"), "Paracetamol", MaterialType.RawMaterial, Kg, 100m, 20m);

    public static MaterialLot ReceivedLot() =>
        MaterialLot.Receive(new LotNumber(LotNo), Paracetamol(), ExpiryDate, ReceivedAt);

    public static MaterialLot ReleasedLot()
    {
        var lot = ReceivedLot();
        lot.Release(ReleasedAt);
        return lot;
    }

    public static MaterialLot RejectedLot()
    {
        var lot = ReceivedLot();
        lot.Reject("Assay out of specification", ReleasedAt);
        return lot;
    }

    public static MaterialLot ExpiredLot()
    {
        var lot = ReceivedLot();
        lot.Expire(DayAfterExpiry);
        return lot;
    }

    public static Quantity KgOf(decimal amount) => new(amount, Kg);
}
