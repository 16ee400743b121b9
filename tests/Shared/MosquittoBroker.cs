using System.Diagnostics;
using System.Net.Sockets;

namespace PharmaMes.Testing;

/// <summary>
/// A Mosquitto of our own on a free loopback port with our own configuration, tuned not to drop
/// QoS 1 messages for a subscriber that falls behind (its defaults do); stopped on dispose.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    public int Port { get; }

    private MosquittoBroker(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public static string Executable =>
        new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Mosquitto is not installed: run ./test.sh, which installs it.");

    public static async Task<MosquittoBroker> StartAsync(int? port = null, bool allowAnonymous = true, string? passwordFile = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-mosquitto", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var chosen = port ?? FreePort.Next();
        var config = Path.Combine(folder, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"""
            listener {chosen} 127.0.0.1
            allow_anonymous {(allowAnonymous ? "true" : "false")}
            {(passwordFile is null ? "" : $"password_file {passwordFile}")}
            max_inflight_messages 1000
            max_queued_messages 1000000
            max_queued_bytes 0
            persistence true
            persistence_location {folder}/
            autosave_interval 1
            log_dest stdout
            """);
        var process = Process.Start(new ProcessStartInfo(Executable, ["-c", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var broker = new MosquittoBroker(process, folder, chosen);
        await broker.WaitUntilListeningAsync();
        return broker;
    }

    /// <summary>Stops the broker hard (kill), as a crash would; Start again on the same port to bring it back.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Mosquitto exited at start with code {_process.ExitCode}.");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"Mosquitto did not listen on 127.0.0.1:{Port} within 10 s.");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
