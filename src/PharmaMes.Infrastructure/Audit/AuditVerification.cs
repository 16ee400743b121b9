namespace PharmaMes.Infrastructure.Audit;

/// <summary>The outcome of walking the whole chain: valid, or the first entry that breaks it and why.</summary>
public sealed record AuditVerification(bool Valid, long Checked, long LastSequence, long? FirstBrokenSequence, string? Problem, DateTimeOffset VerifiedAt)
{
    /// <summary>The published checkpoints the trail was found to pass through.</summary>
    public long CheckpointsMatched { get; init; }
}
