namespace PharmaMes.Infrastructure.Persistence;

/// <summary>What a committed transaction changed that others watch: the ERP outbox, stock, batches, equipment fitness, the plant model.</summary>
public sealed record CommittedChanges(bool OutboxWritten, IReadOnlySet<Guid> MaterialsWithStockChange, IReadOnlySet<string> BatchesChanged)
{
    /// <summary>Codes of equipment whose status, cleaning or calibration changed.</summary>
    public IReadOnlySet<string> EquipmentChanged { get; init; } = new HashSet<string>();

    /// <summary>Numbers of quality exceptions raised or changed (investigated, closed).</summary>
    public IReadOnlySet<string> QualityExceptionsChanged { get; init; } = new HashSet<string>();

    /// <summary>Numbers of production orders planned or changed (quantity, due date, priority, status).</summary>
    public IReadOnlySet<string> OrdersChanged { get; init; } = new HashSet<string>();

    /// <summary>A lot was received or its status changed (released, put on hold, rejected, expired): what planning may count on moved.</summary>
    public bool LotsChanged { get; init; }

    /// <summary>Sites, areas, lines, equipment or tags were added or corrected: the ingest and live cache reload the plant.</summary>
    public bool PlantChanged { get; init; }

    /// <summary>
    /// Equipment whose history OEE reads changed (counter reports, state intervals, stop reasons), each with the earliest
    /// instant the change touched: figures of periods ending before it still hold.
    /// </summary>
    public IReadOnlyDictionary<Guid, DateTimeOffset> HistoryChanged { get; init; } = new Dictionary<Guid, DateTimeOffset>();

    public bool IsEmpty => !OutboxWritten && MaterialsWithStockChange.Count == 0 && BatchesChanged.Count == 0 && EquipmentChanged.Count == 0 && !PlantChanged
        && QualityExceptionsChanged.Count == 0 && HistoryChanged.Count == 0 && OrdersChanged.Count == 0;
}
