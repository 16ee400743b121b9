using System.ComponentModel.DataAnnotations;

namespace PharmaMes.Infrastructure.Sparkplug;

/// <summary>The <c>Mqtt:Sparkplug</c> section: the MES as a Sparkplug B 3.0 host application.</summary>
public sealed class SparkplugOptions
{
    public bool Enabled { get; init; } = true;

    /// <summary>The host id of the STATE topic (<c>spBv1.0/STATE/{HostId}</c>) edge nodes watch.</summary>
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string HostId { get; init; } = "pharmames";

    /// <summary>Only this group (by default the MES takes every group whose id is a site code).</summary>
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string? GroupId { get; init; }

    /// <summary>At most one rebirth request per edge node in this many seconds.</summary>
    [Range(1, 3_600)]
    public int RebirthIntervalSeconds { get; init; } = 10;
}
