namespace PharmaMes.Infrastructure.Persistence;

/// <summary>What a committed transaction changed that others watch: the ERP outbox, stock, batches.</summary>
public sealed record CommittedChanges(bool OutboxWritten, IReadOnlySet<Guid> MaterialsWithStockChange, IReadOnlySet<string> BatchesChanged)
{
    public bool IsEmpty => !OutboxWritten && MaterialsWithStockChange.Count == 0 && BatchesChanged.Count == 0;
}
