using System.ComponentModel.DataAnnotations;

namespace PharmaMes.Infrastructure.Demo;

/// <summary>The <c>Demo:Simulator</c> section: a plant that publishes over MQTT, only in demo mode.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Demo:Simulator";

    public bool Enabled { get; init; } = true;

    /// <summary>Seconds between two telemetry messages of one equipment.</summary>
    [Range(0.05, 60)]
    public double IntervalSeconds { get; init; } = 1;

    /// <summary>How often things go wrong: 1 is a lively demo, 0 never (no faults, no excursions).</summary>
    [Range(0, 100)]
    public double Eventfulness { get; init; } = 1;
}
