using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Performance;

/// <summary>Planned time lost to one reason: how long and in how many stops.</summary>
public sealed record OeeLoss(string Reason, EquipmentState State, double Seconds, int Stops);
