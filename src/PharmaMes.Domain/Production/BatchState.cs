namespace PharmaMes.Domain.Production;

/// <summary>The execution state of a batch (ISA-88 procedural state, as operators see it).</summary>
public enum BatchState
{
    /// <summary>Made from a released order and an approved recipe; nothing done yet.</summary>
    Created,
    Running,
    /// <summary>Paused by a person, with a reason: no step action until it is resumed.</summary>
    Held,
    /// <summary>Every step completed or skipped; waiting for QA's disposition.</summary>
    Completed,
    /// <summary>Ended before completion, with a reason; still needs QA's disposition (rejection).</summary>
    Aborted,
}
