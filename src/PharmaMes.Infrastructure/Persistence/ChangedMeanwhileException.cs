using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Production;

namespace PharmaMes.Infrastructure.Persistence;

/// <summary>
/// A save refused because a record it changes was changed by someone else after it was read (its version no
/// longer matched): nothing of the save was written, the audit trail included. A 409 at the API: the request
/// may be right, but it was made from an old state of the record.
/// </summary>
public sealed class ChangedMeanwhileException(string record, string message) : DomainException(message)
{
    /// <summary>What was changed meanwhile, as people know it: "Order PO-2026-0001", "Lot L-0001".</summary>
    public string Record { get; } = record;

    /// <summary>The refusal for the first record of the failed save that someone else changed meanwhile.</summary>
    public static ChangedMeanwhileException Of(DbUpdateConcurrencyException conflict)
    {
        var record = conflict.Entries.Select(e => e.Entity switch
        {
            ProductionOrder order => $"Order {order.Number}",
            MaterialLot lot => $"Lot {lot.Number}",
            Batch batch => $"Batch {batch.Number}",
            LotBalance => "The stock of a lot",
            _ => null,
        }).FirstOrDefault(r => r is not null) ?? "A record this change touches";
        return For(record);
    }

    /// <summary>The refusal of a change of <paramref name="record"/> ("Order PO-2026-0001") made from an older version of it.</summary>
    public static ChangedMeanwhileException For(string record) =>
        new(record, $"{record} was changed by someone else meanwhile; reload and try again. Nothing of this change was saved.");
}
