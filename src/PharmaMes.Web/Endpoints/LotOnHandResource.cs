using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Materials;

namespace PharmaMes.Web.Endpoints;

/// <summary>One lot of a material in the inventory view.</summary>
public sealed record LotOnHandResource(string Number, LotStatus Status, DateOnly ExpiryDate, decimal OnHand)
{
    public static LotOnHandResource Of(LotOnHand l) => new(l.Number, l.Status, l.ExpiryDate, l.OnHand);
}
