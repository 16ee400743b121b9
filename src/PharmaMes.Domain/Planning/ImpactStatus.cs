namespace PharmaMes.Domain.Planning;

/// <summary>Where a schedule impact's proposal stands.</summary>
public enum ImpactStatus
{
    /// <summary>Waiting for a planner: accept it, or adjust the plan on the board.</summary>
    Proposed,
    /// <summary>The proposal became the schedule in force.</summary>
    Accepted,
    /// <summary>A newer impact replaced the proposal before anyone accepted it.</summary>
    Superseded,
}
