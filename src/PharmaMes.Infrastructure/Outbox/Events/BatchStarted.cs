namespace PharmaMes.Infrastructure.Outbox.Events;

/// <summary>A batch began executing its order (SAP: process order started).</summary>
public sealed record BatchStarted(
    string BatchNumber, string OrderNumber, string? ExternalOrderId, string Product,
    decimal PlannedQuantity, string Unit, string Recipe, int RecipeVersion, DateTimeOffset StartedAt);
