using System.Diagnostics;

namespace PharmaMes.Testing;

/// <summary>
/// A Redis of our own on a free loopback port, nothing saved to disk; stopped on dispose, and by itself when the test
/// process dies (a watcher shell ends it once the test process is gone), so no run leaves a server behind.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    public int Port { get; }

    /// <summary>The StackExchange.Redis connection string of this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    private RedisServer(Process process, int port) => (_process, Port) = (process, port);

    public static string Executable =>
        new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Redis is not installed: run ./test.sh, which installs it.");

    public static async Task<RedisServer> StartAsync()
    {
        var port = FreePort.Next();
        var command = $"{Executable} --port {port} --bind 127.0.0.1 --save '' --appendonly no --protected-mode yes --loglevel warning";
        var watched = $"{command} & server=$!; while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $server 2>/dev/null; do sleep 1; done; kill $server 2>/dev/null; wait";
        var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", watched])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port);
        await server.WaitUntilListeningAsync();
        return server;
    }

    private Task WaitUntilListeningAsync() => LoopbackListener.WaitAsync(_process, "redis-server", Port, TimeSpan.FromSeconds(20));

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
