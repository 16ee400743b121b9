using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// docs/deployment.md's "Try it on one machine", run as written, block after block in one shell: PostgreSQL, Redis and
/// Mosquitto, two nodes of the built app, a node killed and started again, and everything stopped at the end. The ports
/// are the document's own (5081, 5082, 5433, 6380, 1884).
/// </summary>
public partial class DeploymentGuideOnOneMachine
{
    private static readonly int[] Ports = [5081, 5082, 5433, 6380, 1884];
    private const string Database = "Host=127.0.0.1;Port=5433;Database=pharmames;Username=postgres;Pooling=false";

    [Fact]
    public async Task TheTryItCommandsRunTwoNodesThatShareOnePlantAndLeaveNothingBehind()
    {
        var blocks = TryItBlocks();
        Assert.True(blocks.Count == 3, $"expected the start, kill-and-restart and stop blocks; found {blocks.Count}");
        var (start, killAndRestart, stop) = (blocks[0], blocks[1], blocks[2]);
        foreach (var port in Ports)
            Assert.False(await AnswersAsync(port), $"Port {port}, which docs/deployment.md uses, is taken on this machine: the test cannot run the guide as written.");

        await using var shell = DocumentShell.Start(stop);
        // What an earlier, interrupted run may have left in the guide's folders goes first, as a reader would clear it.
        await shell.RunAsync(stop, TimeSpan.FromMinutes(1));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var a = new Uri("http://127.0.0.1:5081");
        var b = new Uri("http://127.0.0.1:5082");

        // Start: the parts, a Release build, two nodes; the block ends once both answer.
        Assert.Equal(0, await shell.RunAsync(start, TimeSpan.FromMinutes(15)));
        foreach (var node in new[] { a, b })
        {
            using var ready = await http.GetAsync(new Uri(node, "/health/ready"));
            var report = await ready.Content.ReadAsStringAsync();
            Assert.True(ready.StatusCode == HttpStatusCode.OK, $"{node} /health/ready: {(int)ready.StatusCode} {report}");
            Assert.Contains("redis", report, StringComparison.Ordinal);
            Assert.Contains("database", report, StringComparison.Ordinal);
        }
        // One plant, though two nodes started on one database; both store a share of what the simulator on node A sends.
        Assert.Equal(1L, await ScalarAsync("""SELECT count(*) FROM "Sites" """));
        Assert.True(await WaitUntilAsync(async () => await StoredAsync(http, a) > 0 && await StoredAsync(http, b) > 0, TimeSpan.FromSeconds(90)),
            $"each node should store a share: node A {await StoredAsync(http, a)}, node B {await StoredAsync(http, b)}\n{shell.Tail()}");
        var samplesBeforeKill = await ScalarAsync("""SELECT count(*) FROM "TelemetrySamples" """);

        // Node B killed; node A goes on; node B back with its session stores what the broker kept for it.
        var storedByA = await StoredAsync(http, a);
        Assert.Equal(0, await shell.RunAsync(killAndRestart, TimeSpan.FromMinutes(5)));
        Assert.True(await StoredAsync(http, a) > storedByA, "node A stored nothing while node B was down");
        Assert.True(await WaitUntilAsync(async () => await StoredAsync(http, b) > 0, TimeSpan.FromSeconds(60)), "node B, restarted, stored nothing");
        Assert.Contains("(session kept by the broker: True)", shell.Output, StringComparison.Ordinal);
        Assert.True(await ScalarAsync("""SELECT count(*) FROM "TelemetrySamples" """) > samplesBeforeKill);

        // Stopped: nothing listens on the guide's ports any more.
        Assert.Equal(0, await shell.RunAsync(stop, TimeSpan.FromMinutes(2)));
        foreach (var port in Ports)
            Assert.True(await WaitUntilAsync(async () => !await AnswersAsync(port), TimeSpan.FromSeconds(30)), $"port {port} still answers after the stop block");
    }

    /// <summary>The fenced sh blocks of the section "Try it on one machine".</summary>
    private static List<string> TryItBlocks()
    {
        var text = File.ReadAllText(Path.Combine(PharmaMes.Testing.RepositoryFolder.Root, "docs", "deployment.md"));
        var section = text[text.IndexOf("## Try it on one machine", StringComparison.Ordinal)..];
        return ShBlock().Matches(section).Select(m => m.Groups["body"].Value).ToList();
    }

    private static async Task<double> StoredAsync(HttpClient http, Uri node)
    {
        try
        {
            var text = await http.GetStringAsync(new Uri(node, "/metrics"));
            return text.Split('\n').Where(l => l.StartsWith("pharmames_ingest_stored", StringComparison.Ordinal))
                // "name{labels} value [timestamp]", or "name value [timestamp]"
                .Select(l => double.Parse(l[((l.LastIndexOf('}') is var brace and >= 0 ? brace : l.IndexOf(' ')) + 1)..].Trim().Split(' ')[0],
                    CultureInfo.InvariantCulture)).Sum();
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(500);
        }
        return true;
    }

    private static async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(TimeSpan.FromSeconds(2));
            return true;
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"```sh\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShBlock();
}
