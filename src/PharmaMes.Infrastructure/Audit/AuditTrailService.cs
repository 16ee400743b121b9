using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Audit;

/// <summary>Reads the audit trail: filtered pages for the audit page, CSV export, and verification of the chain.</summary>
public sealed class AuditTrailService(IDbContextFactory<MesDbContext> contexts, AuditChainKeys keys, AuditCheckpoints checkpoints, TimeProvider clock)
{
    public const int MaxPageSize = 500;

    public async Task<AuditPage> FindAsync(AuditFilter filter, int page = 1, int pageSize = 100, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Apply(db.AuditEntries.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(a => a.Sequence).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AuditPage(entries, total, page, pageSize);
    }

    /// <summary>The entity types present in the trail, for the filter list.</summary>
    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }

    /// <summary>Writes every matching entry, oldest first, as CSV (RFC 4180) with its hashes, so an export can be checked outside the MES;
    /// a cell a spreadsheet would take for a formula starts with an added quote.</summary>
    public async Task ExportCsvAsync(AuditFilter filter, TextWriter output, CancellationToken cancellationToken = default)
    {
        await output.WriteLineAsync("sequence,at_utc,user,user_id,action,entity_type,entity_id,record,field,old_value,new_value,reason,previous_hash,hash,key_id");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await foreach (var a in Apply(db.AuditEntries.AsNoTracking(), filter).OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var line = new StringBuilder();
            foreach (var value in new[]
            {
                a.Sequence.ToString(CultureInfo.InvariantCulture), a.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                a.UserName, a.UserId?.ToString(), a.Action.ToString(), a.EntityType, a.EntityId, a.EntityLabel, a.Field, a.OldValue, a.NewValue, a.Reason,
                a.PreviousHash, a.Hash, a.KeyId,
            })
            {
                if (line.Length > 0)
                    line.Append(',');
                line.Append(Csv(value));
            }
            await output.WriteLineAsync(line.ToString());
        }
    }

    /// <summary>
    /// Walks the whole chain in order, each entry under its key, through every published checkpoint,
    /// and names the first broken entry, if any.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        IReadOnlyList<AuditCheckpoint> published;
        try
        {
            published = checkpoints.ReadAll();
        }
        catch (InvalidDataException e)
        {
            return new AuditVerification(false, 0, head.LastSequence, null, e.Message, clock.GetUtcNow());
        }
        var check = new AuditChainCheck(keys.Find, published);
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!check.Next(entry))
                break;
        }
        check.End(head.LastSequence, head.LastHash);
        return new AuditVerification(check.IsValid, check.Checked, head.LastSequence, check.BrokenAt, check.Problem, clock.GetUtcNow())
        {
            CheckpointsMatched = check.CheckpointsMatched,
        };
    }

    private static IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query, AuditFilter filter)
    {
        if (filter.From is { } from)
            query = query.Where(a => a.At >= from);
        if (filter.To is { } to)
            query = query.Where(a => a.At < to);
        if (!string.IsNullOrWhiteSpace(filter.User))
            query = query.Where(a => a.UserName.Contains(filter.User.Trim()));
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
            query = query.Where(a => a.EntityType == filter.EntityType);
        if (!string.IsNullOrWhiteSpace(filter.Record))
            query = query.Where(a => a.EntityId == filter.Record.Trim() || (a.EntityLabel != null && a.EntityLabel.Contains(filter.Record.Trim())));
        if (filter.Action is { } action)
            query = query.Where(a => a.Action == action);
        return query;
    }

    private static string Csv(string? value)
    {
        if (value is null)
            return "";
        // A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before them) as a formula: such a value gets a
        // leading quote (OWASP CSV injection). A value that starts with a quote gets one more, so dropping the first quote of
        // every cell that starts with one gives the stored value back and the hashes can be recomputed from the file.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\'')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
