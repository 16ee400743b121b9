using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PharmaMes.Infrastructure.Tests.Messaging;
using PharmaMes.Testing;
using static PharmaMes.Testing.SparkplugEdgeNodeProcess;

namespace PharmaMes.Infrastructure.Tests.Sparkplug;

/// <summary>
/// The edge-node line of docs/sparkplug.md's "Try it", run as written (only the broker's port is the
/// test's own): the values it starts from, then its drift every second, arrive as TP-01's tags.
/// </summary>
public partial class DocumentedEdgeNodeLine
{
    [Fact]
    public async Task TheDocumentedEdgeNodeFeedsTp01EverySecond()
    {
        var line = EdgeNodeLine().Match(await File.ReadAllTextAsync(Path.Combine(RepositoryFolder.Root, "docs", "sparkplug.md")));
        Assert.True(line.Success, "docs/sparkplug.md should show how to start the edge node");
        var arguments = line.Groups["arguments"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("mqtt://localhost:1883", arguments);

        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true);
        var started = LiveMesHost.Now();
        await using var edgeNode = Start(arguments.Select(a => a == "mqtt://localhost:1883" ? $"mqtt://127.0.0.1:{live.Port}" : a).ToArray());
        await edgeNode.WaitForAsync(e => Is(e, "born"));

        var press = await live.EquipmentIdAsync("TP-01");
        var samples = await Eventually.GetAsync(() => live.QueryAsync(db => db.TelemetrySamples
            .Where(s => s.Channel!.EquipmentId == press && s.Time >= started)
            .Select(s => new { s.Channel!.Tag, s.Value }).ToListAsync()), rows => rows.Count(r => r.Tag == "speed") >= 3);
        // Born with the values given, then within 1 % of them.
        foreach (var (tag, value) in new[] { ("speed", 3000d), ("compression_force", 15d), ("tablet_weight", 500d) })
        {
            Assert.Contains(samples, s => s.Tag == tag && s.Value == value);
            Assert.All(samples.Where(s => s.Tag == tag), s => Assert.InRange(s.Value, value * 0.99, value * 1.01));
        }
    }

    [GeneratedRegex(@"^node tests/sparkplug-edge-node/edge-node\.js (?<arguments>.+)$", RegexOptions.Multiline)]
    private static partial Regex EdgeNodeLine();
}
