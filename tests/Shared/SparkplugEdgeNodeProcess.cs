using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PharmaMes.Testing;

/// <summary>
/// A real Sparkplug B edge node: tests/sparkplug-edge-node/edge-node.js, built on Cirrus Link's
/// sparkplug-client from the npm registry (installed by test.sh), run with Node.js. Commands go to
/// it as JSON lines; what it publishes (base64, byte for byte) and receives comes back as events.
/// </summary>
public sealed class SparkplugEdgeNodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<JsonObject> _events = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private SparkplugEdgeNodeProcess(Process process) => _process = process;

    public IReadOnlyList<JsonObject> Events => _events.ToList();

    public static string Folder => Path.Combine(RepositoryFolder.Root, "tests", "sparkplug-edge-node");

    /// <summary>Starts the edge node with these command-line options (see the script's header).</summary>
    public static SparkplugEdgeNodeProcess Start(params string[] arguments)
    {
        if (!File.Exists(Path.Combine(Folder, "node_modules", "sparkplug-client", "index.js")))
            throw new InvalidOperationException("sparkplug-client is not installed: run ./test.sh, which runs npm ci in tests/sparkplug-edge-node.");
        var start = new ProcessStartInfo("node", [Path.Combine(Folder, "edge-node.js"), .. arguments])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Folder,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var edgeNode = new SparkplugEdgeNodeProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && JsonNode.Parse(line) is JsonObject json)
                edgeNode._events.Enqueue(json);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
                edgeNode._errors.Enqueue(line);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return edgeNode;
    }

    public async Task SendAsync(object command)
    {
        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(command));
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits for the events wanted (30 s), telling what the node said when they do not come.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForAsync(Func<JsonObject, bool> wanted, int count = 1, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < until)
        {
            var found = _events.Where(wanted).ToList();
            if (found.Count >= count)
                return found;
            if (_process.HasExited)
                break;
            await Task.Delay(50);
        }
        throw new TimeoutException($"The edge node did not report what was awaited. It said:\n{string.Join('\n', _events.Select(e => e.ToJsonString()))}\n{string.Join('\n', _errors)}");
    }

    /// <summary>The payloads it published on a topic, byte for byte.</summary>
    public IReadOnlyList<byte[]> Published(string topic) =>
        _events.Where(e => (string?)e["event"] == "published" && (string?)e["topic"] == topic)
            .Select(e => Convert.FromBase64String((string)e["payload"]!)).ToList();

    public static bool Is(JsonObject e, string name) => (string?)e["event"] == name;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
