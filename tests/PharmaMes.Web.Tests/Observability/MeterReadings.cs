namespace PharmaMes.Web.Tests.Observability;

/// <summary>
/// Tests that read the MES's instruments off /metrics run alone, after the others: OpenTelemetry
/// listens to meters by name across the whole process, so every test app running at the same time
/// would add its own connections, deliveries and dead letters to the figures read.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeterReadings
{
    public const string Name = "Meter readings";
}
