using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// Degraded while the plant's data does not reach the database: the ingest client has no broker,
/// or storing failed and nothing has been stored since (a locked or full database). The app still
/// answers, so it is not Unhealthy; the devices' data waits at the broker.
/// </summary>
internal sealed class IngestHealthCheck(IngestMetrics metrics, IOptions<MqttOptions> options, IngestQueue queue, IngestJournal? journal = null) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var broker = options.Value.Broker;
        var data = new Dictionary<string, object>
        {
            ["brokerConnected"] = metrics.BrokerConnected,
            ["received"] = metrics.Received,
            ["persisted"] = metrics.Persisted,
            ["failedBatches"] = metrics.FailedBatches,
            ["waiting"] = queue.Count,
        };
        if (journal is not null)
            data["journaledNotStored"] = journal.Unstored;
        if (metrics.StoreError is { } error)
        {
            data["storeFailingSince"] = metrics.StoreFailingSince!.Value;
            return Task.FromResult(HealthCheckResult.Degraded(
                $"Ingest is stalled: storing has failed since {metrics.StoreFailingSince:u} and nothing was stored since ({error}).", data: data));
        }
        if (!metrics.BrokerConnected)
            return Task.FromResult(HealthCheckResult.Degraded(
                $"Ingest is not connected to the broker {broker.Host}:{broker.Port}{(metrics.LastConnectionError is { } why ? $": {why}" : "")}.", data: data));
        return Task.FromResult(HealthCheckResult.Healthy($"Ingest is connected to {broker.Host}:{broker.Port} and storing.", data));
    }
}
