using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PharmaMes.Domain.Audit;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Infrastructure.Audit;

/// <summary>
/// Reads the pending changes of a context and turns those of audited entities into audit
/// records: one record per created entity (its fields as JSON), one per changed field (old and
/// new value), one per removed relation. Deleting an audited record is refused.
/// </summary>
internal static class AuditCollector
{
    public static async Task<List<AuditRecord>> CollectAsync(DbContext db, AuditActor? actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var records = new List<AuditRecord>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
                continue;
            var audited = AuditedEntities.For(entry.Metadata.ClrType);
            if (audited is null)
                continue;
            if (actor is null)
                throw new InvalidOperationException(
                    $"A {audited.Name} is about to be saved without an audit actor: begin the unit of work for the person or part of the system that acts (CreateDbContextAsync(actor)).");

            var id = KeyOf(entry);
            var label = await LabelAsync(db, entry, audited, cancellationToken);
            switch (entry.State)
            {
                case EntityState.Added:
                    records.Add(Record(actor, now, audited.CreatedAction, audited, id, label, null, null, Snapshot(entry, audited, current: true)));
                    break;
                case EntityState.Modified:
                    foreach (var (field, before, after) in ChangedFields(entry, audited))
                        records.Add(Record(actor, now, AuditAction.Changed, audited, id, label, field, before, after));
                    break;
                case EntityState.Deleted when audited.MayBeRemoved:
                    records.Add(Record(actor, now, AuditAction.Removed, audited, id, label, null, Snapshot(entry, audited, current: false), null));
                    break;
                case EntityState.Deleted:
                    throw new InvalidOperationException($"{audited.Name} {label ?? id} is GMP data: it is never deleted, only superseded or voided with a reason.");
            }
        }
        return records;
    }

    private static AuditRecord Record(AuditActor actor, DateTimeOffset now, AuditAction action, AuditedEntity audited, string id, string? label,
        string? field, string? before, string? after) =>
        new(now, actor.UserId, actor.Name, action, audited.Name, id, label, field, before, after, actor.Reason);

    private static IEnumerable<(string Field, string? Before, string? After)> ChangedFields(EntityEntry entry, AuditedEntity audited)
    {
        foreach (var (name, property) in Properties(entry))
        {
            if (!property.IsModified || audited.Ignored.Contains(name))
                continue;
            var before = Format(property, property.OriginalValue);
            var after = Format(property, property.CurrentValue);
            if (before == after)
                continue;
            if (audited.Secret.Contains(name))
                yield return (name, before is null ? null : "(secret)", "(secret, changed)");
            else
                yield return (name, before, after);
        }
    }

    private static string Snapshot(EntityEntry entry, AuditedEntity audited, bool current)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, property) in Properties(entry))
            {
                if (audited.Ignored.Contains(name))
                    continue;
                var value = Format(property, current ? property.CurrentValue : property.OriginalValue);
                if (audited.Secret.Contains(name) && value is not null)
                    value = "(secret)";
                if (value is null)
                    json.WriteNull(name);
                else
                    json.WriteString(name, value);
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Scalar properties, including those of complex properties (named "Range.Low").</summary>
    private static IEnumerable<(string Name, PropertyEntry Entry)> Properties(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
            yield return (property.Metadata.Name, property);
        foreach (var complex in entry.ComplexProperties)
            foreach (var property in complex.Properties)
                yield return ($"{complex.Metadata.Name}.{property.Metadata.Name}", property);
    }

    private static string? Format(PropertyEntry property, object? value) => value switch
    {
        null => null,
        DateTimeOffset at => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable when property.Metadata.GetValueConverter() is null => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ when property.Metadata.GetValueConverter() is { } converter => Convert.ToString(converter.ConvertToProvider(value), CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey()!;
        return string.Join("/", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    private static async Task<string?> LabelAsync(DbContext db, EntityEntry entry, AuditedEntity audited, CancellationToken cancellationToken)
    {
        if (entry.Entity is IdentityUserRole<Guid> link)
        {
            // "anna.qa: QA" reads better than two ids.
            var user = await db.Set<MesUser>().FindAsync([link.UserId], cancellationToken);
            var role = await db.Set<IdentityRole<Guid>>().FindAsync([link.RoleId], cancellationToken);
            return $"{user?.UserName ?? link.UserId.ToString()}: {role?.Name ?? link.RoleId.ToString()}";
        }
        return audited.Label(entry.Entity);
    }
}
