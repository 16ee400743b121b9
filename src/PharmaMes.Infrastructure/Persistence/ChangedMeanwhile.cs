using Microsoft.EntityFrameworkCore;

namespace PharmaMes.Infrastructure.Persistence;

internal static class ChangedMeanwhile
{
    /// <summary>
    /// Saves the context's changes, or refuses them all with <see cref="ChangedMeanwhileException"/> when a record
    /// they change was changed by someone else since it was read: never a silent overwrite.
    /// </summary>
    public static async Task SaveOrRefuseAsync(this MesDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            throw ChangedMeanwhileException.Of(conflict);
        }
    }
}
