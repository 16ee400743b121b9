namespace PharmaMes.Infrastructure.Live;

/// <summary>
/// The schedule in force or what waits for a planner changed (a new plan, an impact raised, accepted or withdrawn, the
/// auto-apply switch): planning screens on every node re-read them.
/// </summary>
public sealed record PlanChanged(DateTimeOffset At);
