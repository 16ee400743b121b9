using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Cluster;

/// <summary>
/// Makes the duties that must run once for the whole plant (planning, stock reviews, telemetry retention, shift closes)
/// run on one node. Alone (no <c>ConnectionStrings:Redis</c>), the node is always the leader. In a cluster, the nodes
/// compete for one lease row in the shared database: the holder renews it every <see cref="Renewal"/>; if it dies, another
/// node takes it once it has expired (<see cref="Term"/>). A leader that cannot renew in time stops acting as one before
/// its lease can pass to another node, so two leaders never act at once.
/// </summary>
public sealed partial class ClusterLeadership(IDbContextFactory<MesDbContext> contexts, ILogger<ClusterLeadership> logger, NodeInstance instance,
    bool clustered)
    : BackgroundService
{
    public const string LeaseName = "leader";
    public static readonly TimeSpan Term = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(10);

    // Until when this node may act as leader: the lease it holds, less a margin for clocks and the renewal's own time.
    private long _leaderUntilTicks = clustered ? 0 : long.MaxValue;

    /// <summary>This node's name in the lease (<see cref="NodeInstance.Id"/>).</summary>
    public string Node => instance.Id;

    public bool IsLeader => DateTimeOffset.UtcNow.UtcTicks < Interlocked.Read(ref _leaderUntilTicks);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!clustered)
            return;
        var wasLeader = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = DateTimeOffset.UtcNow;
                var held = await TryHoldAsync(now, stoppingToken);
                Interlocked.Exchange(ref _leaderUntilTicks, held ? (now + Term - Renewal).UtcTicks : 0);
                if (held != wasLeader)
                    LogLeadership(Node, held ? "leads the cluster now" : "no longer leads the cluster");
                wasLeader = held;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Whatever the database says later, this node cannot prove its lease now: it stops leading when it runs out.
                LogRenewalFailed(ex.Message);
            }
            try
            {
                await Task.Delay(Renewal, stoppingToken);
            }
            catch (OperationCanceledException)
            {
            }
        }
        await ReleaseAsync();
    }

    /// <summary>Renews this node's lease, or takes an expired one; one statement, so two nodes cannot both win.</summary>
    private async Task<bool> TryHoldAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var until = now + Term;
        var node = Node;
        var updated = await db.ClusterLeases.Where(l => l.Name == LeaseName && (l.Holder == node || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, node).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (updated == 1)
            return true;
        if (await db.ClusterLeases.AnyAsync(l => l.Name == LeaseName, cancellationToken))
            return false;
        db.ClusterLeases.Add(new ClusterLease { Name = LeaseName, Holder = node, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node created the lease first: it leads.
            return false;
        }
    }

    private async Task ReleaseAsync()
    {
        if (!IsLeader)
            return;
        Interlocked.Exchange(ref _leaderUntilTicks, 0);
        try
        {
            // A node that stops hands over at once rather than after the lease runs out.
            await using var db = await contexts.CreateDbContextAsync();
            var node = Node;
            await db.ClusterLeases.Where(l => l.Name == LeaseName && l.Holder == node)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTimeOffset.UnixEpoch));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRenewalFailed(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node} {What}")]
    private partial void LogLeadership(string node, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster lease could not be renewed: {Error}")]
    private partial void LogRenewalFailed(string error);
}
