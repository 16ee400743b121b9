using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PharmaMes.Domain.Audit;

/// <summary>
/// One line of the audit trail: who, when (server UTC), what record, which field, old and new
/// value, and why. Entries are chained: each one's hash covers its own content and the previous
/// entry's hash, so an edited, removed or inserted entry breaks the chain from that point on.
/// The hash is an HMAC under a key kept outside the database (<see cref="KeyId"/> names it), so
/// recomputing the chain after an edit needs that key. Entries written before keys existed have
/// no key id and a plain SHA-256 hash. Never changed or deleted.
/// </summary>
public class AuditEntry
{
    public const int NameMaxLength = 200;
    public const int EntityTypeMaxLength = 60;
    public const int EntityIdMaxLength = 80;
    public const int FieldMaxLength = 80;
    public const int ValueMaxLength = 4000;
    public const int ReasonMaxLength = 1000;
    public const int HashLength = 64;
    public const int KeyIdLength = AuditChainKey.IdLength;

    /// <summary>The hash before the first entry.</summary>
    public static readonly string GenesisHash = new('0', HashLength);

    /// <summary>Position in the chain, from 1, without gaps.</summary>
    public long Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>The person who acted; null for the system itself (device ingest, scheduled jobs, set-up).</summary>
    public Guid? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public AuditAction Action { get; private set; }
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    /// <summary>The human code of the record (equipment code, lot number, user name) when it has one.</summary>
    public string? EntityLabel { get; private set; }
    public string? Field { get; private set; }
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
    public string? Reason { get; private set; }
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";
    /// <summary>The chain key the hash was made with; null for entries written before the chain was keyed (plain SHA-256).</summary>
    public string? KeyId { get; private set; }

    protected AuditEntry() { }

    private AuditEntry(long sequence, DateTimeOffset at, Guid? userId, string userName, AuditAction action, string entityType, string entityId,
        string? entityLabel, string? field, string? oldValue, string? newValue, string? reason, string previousHash, AuditChainKey key)
    {
        Sequence = sequence;
        At = at.ToUniversalTime();
        UserId = userId;
        UserName = Cut(userName, NameMaxLength)!;
        Action = action;
        EntityType = Cut(entityType, EntityTypeMaxLength)!;
        EntityId = Cut(entityId, EntityIdMaxLength)!;
        EntityLabel = Cut(entityLabel, NameMaxLength);
        Field = Cut(field, FieldMaxLength);
        OldValue = Cut(oldValue, ValueMaxLength);
        NewValue = Cut(newValue, ValueMaxLength);
        Reason = Cut(reason, ReasonMaxLength);
        PreviousHash = previousHash;
        KeyId = key.Id;
        Hash = ComputeHash(key);
    }

    /// <summary>The entry that follows <paramref name="previousSequence"/> in the chain, signed with the current chain key.</summary>
    public static AuditEntry Append(long previousSequence, string previousHash, AuditRecord record, AuditChainKey key) =>
        new(previousSequence + 1, record.At, record.UserId, record.UserName, record.Action, record.EntityType, record.EntityId,
            record.EntityLabel, record.Field, record.OldValue, record.NewValue, record.Reason, previousHash, key);

    /// <summary>
    /// The hash this entry should have given its stored content; differs from <see cref="Hash"/> once anything was edited.
    /// Pass the key named by <see cref="KeyId"/>, or null for an entry without one.
    /// </summary>
    public string ComputeHash(AuditChainKey? key)
    {
        if (key is not null && key.Id != KeyId)
            throw new ArgumentException($"Entry {Sequence} was signed with key {KeyId ?? "(none)"}, not {key.Id}.", nameof(key));
        if (KeyId is not null && key is null)
            throw new ArgumentNullException(nameof(key), $"Entry {Sequence} was signed with key {KeyId}: its hash cannot be computed without it.");
        var text = new StringBuilder();
        void Add(string? value) => text.Append(value is null ? "-1" : value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
        Add(Sequence.ToString(CultureInfo.InvariantCulture));
        Add(At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Add(UserId?.ToString());
        Add(UserName);
        Add(Action.ToString());
        Add(EntityType);
        Add(EntityId);
        Add(EntityLabel);
        Add(Field);
        Add(OldValue);
        Add(NewValue);
        Add(Reason);
        Add(PreviousHash);
        if (key is null)
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        Add(KeyId);
        return key.Sign(text.ToString());
    }

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..(max - 1)] + "…";
}
