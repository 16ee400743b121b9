using OpenTelemetry.Exporter;

namespace PharmaMes.Web.Observability;

/// <summary>
/// Where metrics and traces go besides <c>/metrics</c>: an OpenTelemetry collector, when
/// <c>OpenTelemetry:Otlp:Endpoint</c> (or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) names one.
/// Nothing is exported, and no trace is kept, without it.
/// </summary>
public sealed record OtlpExport(Uri Endpoint, OtlpExportProtocol Protocol, int ExportIntervalMilliseconds, int TraceExportDelayMilliseconds)
{
    public const string Section = "OpenTelemetry:Otlp";
    public const int DefaultExportIntervalMilliseconds = 60_000;
    public const int DefaultTraceExportDelayMilliseconds = 5_000;

    /// <summary>Null when no collector is configured.</summary>
    public static OtlpExport? Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var endpoint = First(section["Endpoint"], configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (endpoint is null)
            return null;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"{Section}:Endpoint must be an absolute http or https address, not '{endpoint}'.");
        var protocol = First(section["Protocol"], configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) ?? "grpc";
        return new OtlpExport(uri,
            protocol.ToLowerInvariant() switch
            {
                "grpc" => OtlpExportProtocol.Grpc,
                "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
                _ => throw new InvalidOperationException($"{Section}:Protocol must be grpc or http/protobuf, not '{protocol}'."),
            },
            Positive(section, "ExportIntervalMilliseconds", DefaultExportIntervalMilliseconds),
            Positive(section, "TraceExportDelayMilliseconds", DefaultTraceExportDelayMilliseconds));
    }

    /// <summary>gRPC takes the collector's address as it is; OTLP over HTTP posts each signal to its own path under it.</summary>
    public Uri For(string signalPath) =>
        Protocol == OtlpExportProtocol.Grpc ? Endpoint : new Uri(new Uri(Endpoint.ToString().TrimEnd('/') + "/"), signalPath);

    public void Apply(OtlpExporterOptions exporter, string signalPath)
    {
        exporter.Protocol = Protocol;
        exporter.Endpoint = For(signalPath);
    }

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private static int Positive(IConfigurationSection section, string key, int fallback)
    {
        var value = section.GetValue(key, fallback);
        return value > 0 ? value : throw new InvalidOperationException($"{Section}:{key} must be more than 0.");
    }
}
