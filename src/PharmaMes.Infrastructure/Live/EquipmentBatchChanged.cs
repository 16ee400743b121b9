namespace PharmaMes.Infrastructure.Live;

/// <summary>A batch started or finished using a piece of equipment: its status in context changed.</summary>
public sealed record EquipmentBatchChanged(string EquipmentCode);
