using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Audit;

namespace PharmaMes.Infrastructure.Tests.Audit;

/// <summary>
/// What someone who can write the database file does to hide an edit: drops the triggers, changes
/// rows, recomputes every later hash with the published algorithm (written out here on its own, as
/// an outsider would) and moves the chain head to match. Whether they have the chain key decides
/// which hash they can compute.
/// </summary>
internal static class TrailRewrite
{
    /// <summary>How the rewriter hashes: plain SHA-256, or HMAC-SHA256 under some key, naming some key id (or none).</summary>
    public sealed record Hashing(string? KeyId, Func<byte[], byte[]> Hash)
    {
        public static Hashing Plain(string? keyId = null) => new(keyId, SHA256.HashData);
        public static Hashing Hmac(string keyId, byte[] secret) => new(keyId, data => HMACSHA256.HashData(secret, data));
    }

    public static async Task ExecuteAsync(MesTestHost host, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(host.Folder, "mes.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER IF EXISTS AuditEntries_RefuseUpdate; DROP TRIGGER IF EXISTS AuditEntries_RefuseDelete; " + sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Recomputes entries from <paramref name="from"/> to the end with <paramref name="hashing"/>, and the head with them.</summary>
    public static async Task RecomputeFromAsync(MesTestHost host, long from, Hashing hashing)
    {
        List<AuditEntry> entries;
        await using (var db = host.NewContext())
            entries = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync();
        var previous = from == 1 ? AuditEntry.GenesisHash : entries.Single(e => e.Sequence == from - 1).Hash;
        var sql = new StringBuilder();
        var parameters = new List<(string, object?)>();
        foreach (var entry in entries.Where(e => e.Sequence >= from))
        {
            var hash = Hash(entry, previous, hashing);
            sql.Append($"UPDATE AuditEntries SET PreviousHash = $p{entry.Sequence}, Hash = $h{entry.Sequence}, KeyId = $k{entry.Sequence} WHERE Sequence = {entry.Sequence}; ");
            parameters.Add(($"$p{entry.Sequence}", previous));
            parameters.Add(($"$h{entry.Sequence}", hash));
            parameters.Add(($"$k{entry.Sequence}", hashing.KeyId));
            previous = hash;
        }
        sql.Append("UPDATE AuditChainHeads SET LastHash = $head WHERE Id = 1;");
        parameters.Add(("$head", previous));
        await ExecuteAsync(host, sql.ToString(), [.. parameters]);
    }

    /// <summary>Removes the entries after <paramref name="last"/> and points the head at it, as if they had never been written.</summary>
    public static async Task CutAfterAsync(MesTestHost host, long last)
    {
        string hash;
        await using (var db = host.NewContext())
            hash = await db.AuditEntries.Where(a => a.Sequence == last).Select(a => a.Hash).SingleAsync();
        await ExecuteAsync(host, $"DELETE FROM AuditEntries WHERE Sequence > {last}; UPDATE AuditChainHeads SET LastSequence = {last}, LastHash = $hash WHERE Id = 1;",
            ("$hash", hash));
    }

    /// <summary>The secret of the host's current chain key, as someone who copied the key file would have it.</summary>
    public static byte[] StolenKey(MesTestHost host) => Convert.FromBase64String(File.ReadAllText(Path.Combine(host.Folder, "audit-chain.key")).Trim());

    private static string Hash(AuditEntry entry, string previousHash, Hashing hashing)
    {
        var text = new StringBuilder();
        void Add(string? value) => text.Append(value is null ? "-1" : value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
        Add(entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Add(entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Add(entry.UserId?.ToString());
        Add(entry.UserName);
        Add(entry.Action.ToString());
        Add(entry.EntityType);
        Add(entry.EntityId);
        Add(entry.EntityLabel);
        Add(entry.Field);
        Add(entry.OldValue);
        Add(entry.NewValue);
        Add(entry.Reason);
        Add(previousHash);
        if (hashing.KeyId is not null)
            Add(hashing.KeyId);
        return Convert.ToHexStringLower(hashing.Hash(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
