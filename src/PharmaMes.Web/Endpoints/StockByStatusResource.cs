using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Materials;

namespace PharmaMes.Web.Endpoints;

/// <summary>Stock on hand of a material by lot status; only Released stock may be used.</summary>
public sealed record StockByStatusResource(decimal Released, decimal Quarantine, decimal Rejected, decimal Expired)
{
    public static StockByStatusResource Of(MaterialStock s) =>
        new(OnHand(s, LotStatus.Released), OnHand(s, LotStatus.Quarantine), OnHand(s, LotStatus.Rejected), OnHand(s, LotStatus.Expired));

    private static decimal OnHand(MaterialStock s, LotStatus status) => s.ByStatus.FirstOrDefault(b => b.Status == status)?.OnHand ?? 0m;
}
