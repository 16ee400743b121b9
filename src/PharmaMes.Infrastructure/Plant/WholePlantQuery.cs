using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Plant;

public static class WholePlantQuery
{
    /// <summary>Sites with their areas, lines, equipment and tags, read-only, in one split query.</summary>
    public static IQueryable<Site> WholePlant(this IQueryable<Site> sites) =>
        sites.AsNoTracking()
            .Include(s => s.Areas).ThenInclude(a => a.Lines).ThenInclude(l => l.Equipment).ThenInclude(e => e.Tags)
            .AsSplitQuery();
}
