namespace PharmaMes.Infrastructure.Sparkplug;

/// <summary>An edge node as the ingest page shows it.</summary>
public sealed record SparkplugNodeSummary(string Group, string EdgeNode, bool Online, DateTimeOffset? BornAt, ulong? BdSeq, int? Seq,
    DateTimeOffset? RebirthRequestedAt, string? RebirthReason, IReadOnlyList<(string Device, bool Online, DateTimeOffset? BornAt)> Devices);
