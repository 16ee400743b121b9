using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PharmaMes.Infrastructure.Cluster;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Tests.Messaging;

namespace PharmaMes.Infrastructure.Tests.Cluster;

/// <summary>The lease that gives the cluster-wide duties to one node: one leader at a time, and a successor when it stops.</summary>
public class LeadershipAcrossNodes
{
    [Fact]
    public async Task OneNodeLeadsAndAnotherTakesOverWhenItStops()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        var contexts = host.Services.GetRequiredService<IDbContextFactory<MesDbContext>>();
        // Two processes of one name, as two nodes started on one machine with the same Node:Name: still two holders.
        var a = new ClusterLeadership(contexts, NullLogger<ClusterLeadership>.Instance, new NodeInstance("mes"), clustered: true);
        var b = new ClusterLeadership(contexts, NullLogger<ClusterLeadership>.Instance, new NodeInstance("mes"), clustered: true);
        Assert.NotEqual(a.Node, b.Node);
        Assert.StartsWith("mes/", a.Node, StringComparison.Ordinal);
        await a.StartAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => a.IsLeader), "A, alone, did not take the lease");
        await b.StartAsync(CancellationToken.None);

        // B has tried (its first attempt runs at start) and lost to A's lease.
        Assert.True(await Eventually.TrueAsync(() => ReadLease(contexts).Holder == a.Node));
        await Task.Delay(500);
        Assert.True(a.IsLeader);
        Assert.False(b.IsLeader);

        // A stops as a node shutting down does: it hands the lease over, and B takes it at its next renewal.
        await a.StopAsync(CancellationToken.None);
        Assert.False(a.IsLeader);
        Assert.True(await Eventually.TrueAsync(() => b.IsLeader, ClusterLeadership.Renewal * 3), "B did not take over");
        Assert.Equal(b.Node, ReadLease(contexts).Holder);
        await b.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void ANodeAloneLeadsWithoutALease()
    {
        var alone = new ClusterLeadership(null!, NullLogger<ClusterLeadership>.Instance, new NodeInstance("mes"), clustered: false);
        Assert.True(alone.IsLeader);
    }

    private static ClusterLease ReadLease(IDbContextFactory<MesDbContext> contexts)
    {
        using var db = contexts.CreateDbContext();
        return db.ClusterLeases.AsNoTracking().Single(l => l.Name == ClusterLeadership.LeaseName);
    }
}
