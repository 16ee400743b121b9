using PharmaMes.Infrastructure.Live;
using Microsoft.Extensions.Configuration;

namespace PharmaMes.Infrastructure.Cluster;

/// <summary>
/// Redis for several nodes: <c>ConnectionStrings:Redis</c> (StackExchange.Redis syntax, e.g. <c>127.0.0.1:6379</c>) and
/// <c>Redis:ChannelPrefix</c> (default <c>pharmames</c>), which keeps two sites sharing one Redis apart.
/// </summary>
public sealed record RedisOptions(string ConnectionString, string ChannelPrefix)
{
    public string LiveEventsChannel => $"{ChannelPrefix}:live";

    /// <summary>The configured Redis, or null when the node runs alone (events stay in-process).</summary>
    public static RedisOptions? From(IConfiguration configuration) =>
        configuration.GetConnectionString("Redis") is { Length: > 0 } connection
            ? new RedisOptions(connection, configuration["Redis:ChannelPrefix"] is { Length: > 0 } prefix ? prefix : "pharmames")
            : null;
}
