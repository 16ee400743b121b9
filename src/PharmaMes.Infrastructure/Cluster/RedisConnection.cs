using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace PharmaMes.Infrastructure.Cluster;

/// <summary>
/// The node's one connection to Redis (<c>ConnectionStrings:Redis</c>), shared by the live-event relay and the readiness check.
/// It never fails the start: while Redis is away the client keeps reconnecting and the node serves its own screens.
/// </summary>
public sealed partial class RedisConnection(RedisOptions options, ILogger<RedisConnection> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _multiplexer;

    public RedisOptions Options => options;

    public bool IsConnected => _multiplexer?.IsConnected == true;

    public async Task<IConnectionMultiplexer> GetAsync()
    {
        if (_multiplexer is { } ready)
            return ready;
        await _connecting.WaitAsync();
        try
        {
            if (_multiplexer is null)
            {
                var configuration = ConfigurationOptions.Parse(options.ConnectionString);
                configuration.AbortOnConnectFail = false;
                configuration.ClientName ??= $"pharmames-{Environment.MachineName}";
                _multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
                _multiplexer.ConnectionFailed += (_, e) => LogLost(e.EndPoint?.ToString() ?? "?", e.FailureType.ToString());
                _multiplexer.ConnectionRestored += (_, e) => LogRestored(e.EndPoint?.ToString() ?? "?");
            }
            return _multiplexer;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is { } multiplexer)
            await multiplexer.CloseAsync();
        _connecting.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis at {EndPoint} lost ({Failure}): other nodes' live events wait until it is back")]
    private partial void LogLost(string endPoint, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis at {EndPoint} is back")]
    private partial void LogRestored(string endPoint);
}
