using System.Net;

namespace PharmaMes.Web.Tests.Observability;

/// <summary>
/// With OpenTelemetry:Otlp:Endpoint set, traces and metrics reach the collector over real HTTP, with the
/// service name and this node's name; short export intervals keep the test short.
/// </summary>
public sealed class OtlpExportToACollector : IDisposable
{
    private const string Node = "mes-node-otlp-test";

    private readonly OtlpReceiver _collector = new();

    private sealed class ExportingFactory(string endpoint) : MesWebFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["OpenTelemetry:Otlp:Endpoint"] = endpoint,
            ["OpenTelemetry:Otlp:Protocol"] = "http/protobuf",
            ["OpenTelemetry:Otlp:ExportIntervalMilliseconds"] = "500",
            ["OpenTelemetry:Otlp:TraceExportDelayMilliseconds"] = "200",
            ["Node:Name"] = Node,
        };
    }

    [Fact]
    public async Task ARequestIsTracedAndTheMetricsArePushedWithTheServiceAndNodeNames()
    {
        await using var app = new ExportingFactory(_collector.Endpoint);
        var machine = app.NewBrowser();
        machine.DefaultRequestHeaders.Add("X-Api-Key", MesWebFactory.ApiKey);

        var response = await machine.GetAsync("/api/v1/equipment/TP-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var until = DateTime.UtcNow.AddSeconds(60);
        while (!(_collector.Received("/v1/traces", "PharmaMes", Node, "/api/v1/equipment/TP-01") && _collector.Received("/v1/metrics", "PharmaMes", Node, "pharmames."))
               && DateTime.UtcNow < until)
            await Task.Delay(200);

        Assert.True(_collector.Received("/v1/traces", "PharmaMes", Node, "/api/v1/equipment/TP-01"),
            $"no trace of the request with the service and node names reached the collector (it received: {string.Join(", ", _collector.Paths)})");
        Assert.True(_collector.Received("/v1/metrics", "PharmaMes", Node, "pharmames."),
            $"no metrics of the MES's meter reached the collector (it received: {string.Join(", ", _collector.Paths)})");
    }

    [Fact]
    public async Task WithoutAnEndpointNoTraceIsKept()
    {
        await using var app = new MesWebFactory();
        var machine = app.NewBrowser();
        machine.DefaultRequestHeaders.Add("X-Api-Key", MesWebFactory.ApiKey);

        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/v1/equipment/TP-01")).StatusCode);

        Assert.Null(app.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider)));
    }

    public void Dispose() => _collector.Dispose();
}
