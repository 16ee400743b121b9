namespace PharmaMes.Domain.Performance;

/// <summary>Units made (good and rejected) since the equipment's previous counter report, reported at <see cref="At"/>.</summary>
public sealed record CountReport(DateTimeOffset At, long Good, long Reject);
