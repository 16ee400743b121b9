using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Messaging;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>
/// Every <c>mosquitto_pub</c> block of the README and of docs/mqtt-contract.md, run with bash as a
/// reader pastes it, against the running MES with its embedded broker. Only the port differs:
/// the test's broker takes a free one, so that a demo running on 1883 does not matter.
/// </summary>
public partial class DocumentedMosquittoLines
{
    private static readonly string[] Documents = ["README.md", "docs/mqtt-contract.md"];

    [Fact]
    public async Task EveryMosquittoPubBlockOfTheReadmeAndTheMqttContractDoesWhatItsTextSays()
    {
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: true, devices: [("tp01", "the-password", "TP-01")]);
        var blocks = Documents.SelectMany(BashBlocksWithMosquittoPub).ToList();
        Assert.True(blocks.Count >= 5, $"only {blocks.Count} mosquitto_pub blocks found in {string.Join(", ", Documents)}");

        foreach (var (document, block) in blocks)
        {
            var (exitCode, output) = await RunAsync(block.Replace("-p 1883", $"-p {live.Port}", StringComparison.Ordinal));
            var context = $"{document}:\n{block}\nprinted:\n{output}";
            Assert.True(exitCode == 0, $"exit {exitCode} for {context}");
            Assert.DoesNotContain("Client Identifier not valid", output);
            Assert.DoesNotContain("Connection error", output);
            // The one line the contract shows being refused: a device account publishing for another unit.
            var forOtherEquipment = block.Contains("-u tp01", StringComparison.Ordinal) && !block.Contains("TP-01/", StringComparison.Ordinal);
            if (forOtherEquipment)
                Assert.Contains("Publish 1 failed: Not authorized", output);
            else
                Assert.True(!output.Contains("failed", StringComparison.OrdinalIgnoreCase), $"a publish failed: {context}");
        }

        // mosquitto_pub returns after its PUBACK, which the broker sends once the message is in the
        // ingest journal: stored a moment later.
        var ingest = live.Get<IngestMetrics>();
        Assert.True(await Eventually.TrueAsync(() => ingest.Persisted >= ingest.Received), $"{ingest.Received} received, {ingest.Persisted} stored");
        var press = await live.EquipmentIdAsync("TP-01");
        var bioreactor = await live.EquipmentIdAsync("BR-01");
        Assert.True(await live.QueryAsync(db => db.TelemetrySamples.AnyAsync(s => s.Channel!.EquipmentId == bioreactor && s.Channel!.Tag == "temperature" && s.Value == 37.02)));
        Assert.True(await live.QueryAsync(db => db.TelemetrySamples.AnyAsync(s => s.Channel!.EquipmentId == press && s.Channel!.Tag == "speed" && s.Value == 3120)));
        Assert.False(await live.QueryAsync(db => db.TelemetrySamples.AnyAsync(s => s.Channel!.EquipmentId == bioreactor && s.Value == 37.0)));
        Assert.True(await live.QueryAsync(db => db.StateIntervals.AnyAsync(s => s.EquipmentId == press && s.State == EquipmentState.Down)));

        // Each line the contract lists as quarantined is, with the reason its comment names.
        var promised = blocks.SelectMany(b => QuarantineComment().Matches(b.Block).Select(m => m.Groups["code"].Value)).ToHashSet();
        Assert.Superset(new HashSet<string> { QuarantineReason.UnknownTag, QuarantineReason.NotAFiniteNumber, QuarantineReason.UnknownEquipment }, promised);
        var quarantined = await live.QueryAsync(db => db.QuarantinedMessages.Select(q => new { q.ReasonCode, q.Topic, q.Detail }).ToListAsync());
        Assert.True(quarantined.Select(q => q.ReasonCode).ToHashSet().IsSupersetOf(promised),
            $"promised {string.Join(", ", promised)}; quarantined: {string.Join("; ", quarantined.Select(q => $"{q.ReasonCode} {q.Topic} {q.Detail}"))}");
        Assert.Equal(0, live.Get<BrokerMetrics>().RefusedConnections);
    }

    /// <summary>The fenced bash blocks of a document that run mosquitto_pub.</summary>
    private static IEnumerable<(string Document, string Block)> BashBlocksWithMosquittoPub(string document) =>
        BashBlock().Matches(File.ReadAllText(Path.Combine(PharmaMes.Testing.RepositoryFolder.Root, document)))
            .Select(m => m.Groups["body"].Value)
            .Where(body => body.Contains("mosquitto_pub ", StringComparison.Ordinal))
            .Select(body => (document, body));

    private static async Task<(int ExitCode, string Output)> RunAsync(string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    [GeneratedRegex(@"```bash\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    /// <summary>"# unknown-tag: TP-01 has no tag ..." above a line that is quarantined.</summary>
    [GeneratedRegex(@"^# (?<code>[a-z]+(-[a-z]+)+):", RegexOptions.Multiline)]
    private static partial Regex QuarantineComment();
}
