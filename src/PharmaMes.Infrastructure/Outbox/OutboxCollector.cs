using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;
using PharmaMes.Infrastructure.Outbox.Events;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Outbox;

/// <summary>
/// Reads the pending changes of a save and writes the ERP messages they call for, so that the
/// outbox row and the change commit together whatever service made the change. No service has
/// to remember to report anything to the ERP.
/// </summary>
internal static class OutboxCollector
{
    public static async Task<List<OutboxMessage>> CollectAsync(MesDbContext db, CancellationToken cancellationToken)
    {
        var messages = new List<OutboxMessage>();
        var lookups = new Lookups(db);
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            switch (entry.Entity)
            {
                case Batch batch when entry.State == EntityState.Modified && Changed(entry, nameof(Batch.State)):
                    await AddBatchStateAsync(messages, lookups, batch, cancellationToken);
                    break;
                case BatchStep step when entry.State == EntityState.Modified && Changed(entry, nameof(BatchStep.State))
                                         && step.State is StepState.Completed or StepState.Skipped:
                    await AddConfirmationAsync(messages, lookups, step, cancellationToken);
                    break;
                case InventoryLedgerEntry ledger when entry.State == EntityState.Added
                                                      && ledger.Movement is InventoryMovement.IssueToBatch or InventoryMovement.ReturnFromBatch or InventoryMovement.OutputFromBatch:
                    await AddGoodsMovementAsync(messages, lookups, ledger, cancellationToken);
                    break;
                case MaterialLot lot when entry.State == EntityState.Added
                                          || (entry.State == EntityState.Modified && Changed(entry, nameof(MaterialLot.Status))):
                    var previous = entry.State == EntityState.Added ? null : entry.Property(nameof(MaterialLot.Status)).OriginalValue?.ToString();
                    var material = await lookups.MaterialAsync(lot.MaterialId, cancellationToken);
                    messages.Add(Message(ErpMessageType.LotStatusChanged, $"Lot:{lot.Number.Value}", lot.StatusChangedAt,
                        new LotStatusChanged(lot.Number.Value, material.Code.Value, previous, lot.Status.ToString(), lot.StatusReason, lot.ExpiryDate, lot.StatusChangedAt)));
                    break;
                case StateInterval interval when entry.State == EntityState.Added && interval.State == EquipmentState.Down:
                    var down = await lookups.EquipmentAsync(interval.EquipmentId, cancellationToken);
                    messages.Add(Message(ErpMessageType.EquipmentDown, $"Equipment:{down.Code.Value}", interval.StartedAt,
                        new EquipmentDown(down.Code.Value, down.Name, interval.Reason, interval.StartedAt)));
                    // Down and back up within one save (one ingest batch): the ERP needs the end too.
                    if (interval.EndedAt is { } upInSameSave)
                        messages.Add(Up(db, down, interval, upInSameSave));
                    break;
                case StateInterval interval when entry.State == EntityState.Modified && interval.State == EquipmentState.Down
                                                 && interval.EndedAt is { } upAt && Changed(entry, nameof(StateInterval.EndedAt)):
                    var up = await lookups.EquipmentAsync(interval.EquipmentId, cancellationToken);
                    messages.Add(Up(db, up, interval, upAt));
                    break;
                case QualityException raised when entry.State == EntityState.Added:
                    messages.Add(Message(ErpMessageType.QualityExceptionRaised, $"QualityException:{raised.Number.Value}", raised.RaisedAt,
                        new QualityExceptionRaised(raised.Number.Value, raised.BatchNumber?.Value, raised.StepNumber, raised.Severity.ToString(),
                            raised.Source.ToString(), raised.Title, raised.Description, raised.RaisedAt, raised.RaisedByName)));
                    break;
                case QualityException closed when entry.State == EntityState.Modified && Changed(entry, nameof(QualityException.Status))
                                                  && closed.Status == QualityExceptionStatus.Closed && closed.ClosedAt is { } closedAt:
                    messages.Add(Message(ErpMessageType.QualityExceptionClosed, $"QualityException:{closed.Number.Value}", closedAt,
                        new QualityExceptionClosed(closed.Number.Value, closed.BatchNumber?.Value, closed.Severity.ToString(), closed.Title,
                            closed.Closure, closedAt, closed.ClosedByName)));
                    break;
            }
        }
        // Within one save, the order a reader expects: the batch starts before its goods issues, which come before its confirmation.
        return messages.OrderBy(m => m.OccurredAt).ThenBy(m => TypeOrder(m.Type)).ToList();
    }

    private static async Task AddBatchStateAsync(List<OutboxMessage> messages, Lookups lookups, Batch batch, CancellationToken cancellationToken)
    {
        var order = await lookups.OrderAsync(batch.OrderId, cancellationToken);
        var aggregate = $"Batch:{batch.Number.Value}";
        switch (batch.State)
        {
            case BatchState.Running when batch.StartedAt is { } startedAt && !await lookups.WasStartedBeforeAsync(batch, cancellationToken):
                var recipe = await lookups.RecipeAsync(batch.RecipeId, cancellationToken);
                messages.Add(Message(ErpMessageType.BatchStarted, aggregate, startedAt,
                    new BatchStarted(batch.Number.Value, order.Number.Value, order.ExternalId, batch.ProductCode.Value,
                        batch.PlannedQuantity.Amount, batch.PlannedQuantity.Unit.Symbol, recipe, batch.RecipeVersion, startedAt)));
                break;
            case BatchState.Completed when batch.CompletedAt is { } completedAt:
                messages.Add(Message(ErpMessageType.BatchCompleted, aggregate, completedAt,
                    new BatchCompleted(batch.Number.Value, order.Number.Value, order.ExternalId, batch.ProductCode.Value,
                        batch.PlannedQuantity.Amount, batch.PlannedQuantity.Unit.Symbol, batch.StartedAt ?? completedAt, completedAt)));
                break;
            case BatchState.Aborted:
                var abortedAt = batch.CompletedAt ?? DateTimeOffset.UtcNow;
                messages.Add(Message(ErpMessageType.BatchAborted, aggregate, abortedAt,
                    new BatchAborted(batch.Number.Value, order.Number.Value, order.ExternalId, batch.ProductCode.Value, batch.AbortReason ?? "", abortedAt)));
                break;
        }
    }

    private static async Task AddConfirmationAsync(List<OutboxMessage> messages, Lookups lookups, BatchStep step, CancellationToken cancellationToken)
    {
        var batch = await lookups.BatchAsync(step.BatchId, cancellationToken);
        var order = await lookups.OrderAsync(batch.OrderId, cancellationToken);
        var completedAt = step.CompletedAt ?? step.PerformedAt ?? DateTimeOffset.UtcNow;
        messages.Add(Message(ErpMessageType.OperationConfirmed, $"Batch:{batch.Number.Value}", completedAt,
            new OperationConfirmed(batch.Number.Value, order.Number.Value, order.ExternalId, step.Number, step.Name, step.State.ToString(),
                step.EquipmentCode?.Value, step.StartedAt, completedAt, step.PerformedByName, step.VerifiedByName, step.SkipReason)));
    }

    private static async Task AddGoodsMovementAsync(List<OutboxMessage> messages, Lookups lookups, InventoryLedgerEntry ledger, CancellationToken cancellationToken)
    {
        var lot = await lookups.LotAsync(ledger.LotId, cancellationToken);
        var material = await lookups.MaterialAsync(ledger.MaterialId, cancellationToken);
        var batchNumber = ledger.Reference ?? "";
        var order = await lookups.OrderOfBatchAsync(batchNumber, cancellationToken);
        // A return is sent as the reversal (262) of the goods issue it undoes in part.
        var issue = ledger.Movement is InventoryMovement.IssueToBatch or InventoryMovement.ReturnFromBatch;
        var movementType = ledger.Movement switch
        {
            InventoryMovement.IssueToBatch => GoodsMovement.GoodsIssue,
            InventoryMovement.ReturnFromBatch => GoodsMovement.GoodsIssueReversal,
            _ => GoodsMovement.GoodsReceipt,
        };
        messages.Add(Message(issue ? ErpMessageType.GoodsIssue : ErpMessageType.GoodsReceipt, $"Batch:{batchNumber}", ledger.OccurredAt,
            new GoodsMovement(movementType, ledger.Id, batchNumber, order?.Number.Value, order?.ExternalId,
                material.Code.Value, lot.Number.Value, Math.Abs(ledger.Change), ledger.Unit.Symbol, lot.Status.ToString(), lot.ExpiryDate,
                ledger.OccurredAt, ledger.RecordedBy)));
    }

    /// <summary>The end of a downtime, with the state that followed it (the interval that starts when the downtime ends).</summary>
    private static OutboxMessage Up(MesDbContext db, Equipment equipment, StateInterval downtime, DateTimeOffset upAt)
    {
        var next = db.ChangeTracker.Entries<StateInterval>()
            .Where(e => e.State == EntityState.Added && e.Entity.EquipmentId == downtime.EquipmentId && e.Entity.StartedAt == upAt && e.Entity != downtime)
            .Select(e => e.Entity).FirstOrDefault();
        return Message(ErpMessageType.EquipmentUp, $"Equipment:{equipment.Code.Value}", upAt,
            new EquipmentUp(equipment.Code.Value, equipment.Name, (next?.State ?? equipment.State).ToString(), next?.Reason,
                downtime.StartedAt, upAt, Math.Round((upAt - downtime.StartedAt).TotalMinutes, 2)));
    }

    private static int TypeOrder(ErpMessageType type) => type switch
    {
        ErpMessageType.BatchStarted => 0,
        ErpMessageType.GoodsIssue => 1,
        ErpMessageType.OperationConfirmed => 2,
        ErpMessageType.BatchCompleted or ErpMessageType.BatchAborted => 3,
        ErpMessageType.LotStatusChanged => 4,
        ErpMessageType.GoodsReceipt => 5,
        _ => 6,
    };

    private static bool Changed(EntityEntry entry, string property)
    {
        var p = entry.Property(property);
        return p.IsModified && !Equals(p.OriginalValue, p.CurrentValue);
    }

    private static OutboxMessage Message<T>(ErpMessageType type, string aggregate, DateTimeOffset occurredAt, T payload) =>
        new(type, aggregate, occurredAt, ErpJson.Serialize(payload));

    /// <summary>The rows a message names, from the change tracker when loaded, else read once per save.</summary>
    private sealed class Lookups(MesDbContext db)
    {
        private readonly Dictionary<Guid, object> _cache = [];

        public Task<Material> MaterialAsync(Guid id, CancellationToken ct) => FindAsync(db.Materials, id, ct);
        public Task<MaterialLot> LotAsync(Guid id, CancellationToken ct) => FindAsync(db.MaterialLots, id, ct);
        public Task<Equipment> EquipmentAsync(Guid id, CancellationToken ct) => FindAsync(db.Equipment, id, ct);
        public Task<Batch> BatchAsync(Guid id, CancellationToken ct) => FindAsync(db.Batches, id, ct);
        public Task<ProductionOrder> OrderAsync(Guid id, CancellationToken ct) => FindAsync(db.ProductionOrders, id, ct);

        public async Task<string> RecipeAsync(Guid id, CancellationToken ct)
        {
            var recipe = await FindAsync(db.MasterRecipes, id, ct);
            return recipe.ProductCode.Value;
        }

        public async Task<ProductionOrder?> OrderOfBatchAsync(string batchNumber, CancellationToken ct)
        {
            var batch = db.ChangeTracker.Entries<Batch>().Select(e => e.Entity).FirstOrDefault(b => b.Number.Value == batchNumber);
            if (batch is null && BatchNumber.TryParse(batchNumber) is { } number)
                batch = await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Number == number, ct);
            return batch is null ? null : await OrderAsync(batch.OrderId, ct);
        }

        /// <summary>Resuming from Held returns to Running too; only the first start is reported.</summary>
        public Task<bool> WasStartedBeforeAsync(Batch batch, CancellationToken ct)
        {
            var original = db.Entry(batch).Property(nameof(Batch.State)).OriginalValue;
            return Task.FromResult(original is not BatchState.Created);
        }

        private async Task<T> FindAsync<T>(DbSet<T> set, Guid id, CancellationToken ct) where T : class
        {
            if (_cache.TryGetValue(id, out var cached))
                return (T)cached;
            var found = await set.FindAsync([id], ct) ?? throw new InvalidOperationException($"The {typeof(T).Name} {id} an outbound message names was not found.");
            _cache[id] = found;
            return found;
        }
    }
}
