using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PharmaMes.Testing;

/// <summary>
/// A Mosquitto of our own on a free loopback port with our own configuration, tuned not to drop
/// QoS 1 messages for a subscriber that falls behind (its defaults do); stopped on dispose.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _config;
    private Process _process;

    public int Port { get; }

    /// <summary>Mosquitto's own log (connections, subscriptions, saves of the persistence file, errors).</summary>
    public string LogFile => Path.Combine(_folder, "mosquitto.log");

    private MosquittoBroker(Process process, string folder, string config, int port)
    {
        _process = process;
        _folder = folder;
        _config = config;
        Port = port;
    }

    public static string Executable =>
        new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Mosquitto is not installed: run ./test.sh, which installs it.");

    public static async Task<MosquittoBroker> StartAsync(int? port = null, bool allowAnonymous = true, string? passwordFile = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-mosquitto", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // Started as root, Mosquitto drops to the user "mosquitto": without this it cannot write its
        // persistence file (nor its log) here, says so only in its log, and a restart comes back empty.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
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
            log_dest file {folder}/mosquitto.log
            """);
        var broker = new MosquittoBroker(Launch(config), folder, config, chosen);
        await broker.WaitUntilListeningAsync();
        return broker;
    }

    private static Process Launch(string config)
    {
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
        return process;
    }

    /// <summary>
    /// Starts the broker again on the same port with the same configuration and persistence file,
    /// as a restarted service would (after <see cref="KillAsync"/>, or killing it first).
    /// It comes back with what it had saved: every <c>autosave_interval</c> (1 s) or <see cref="SaveNowAsync"/>, not per message.
    /// </summary>
    /// <param name="forgetSaved">Start without the persistence file, as a new container would: no sessions, no retained messages.</param>
    public async Task RestartAsync(bool forgetSaved = false)
    {
        await KillAsync();
        _process.Dispose();
        if (forgetSaved)
            File.Delete(Path.Combine(_folder, "mosquitto.db"));
        _process = Launch(_config);
        await WaitUntilListeningAsync();
    }

    /// <summary>Stops the broker hard (kill), as a crash would; <see cref="RestartAsync"/> brings it back on the same port.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Makes Mosquitto save its persistence file now (SIGUSR1) and waits until it has: otherwise it
    /// saves only every autosave_interval, and a kill loses what it took in since. Returns the
    /// moment it was asked (system clock): what it held then, such as sessions, subscriptions and
    /// every message it had acknowledged, survives a kill from now on.
    /// </summary>
    public async Task<DateTime> SaveNowAsync()
    {
        var file = Path.Combine(_folder, "mosquitto.db");
        var asked = DateTime.UtcNow;
        if (Signal(_process.Id, SignalUser1) != 0)
            throw new InvalidOperationException($"Signalling Mosquitto (pid {_process.Id}) failed: error {Marshal.GetLastPInvokeError()}.");
        // Written as mosquitto.db.new, then renamed: a mosquitto.db newer than the request is the save
        // (or, if the file clock is coarse, a later periodic one, which holds even more).
        while (!File.Exists(file) || File.GetLastWriteTimeUtc(file) <= asked)
        {
            if (DateTime.UtcNow - asked > TimeSpan.FromSeconds(10))
                throw new TimeoutException($"Mosquitto did not save {file} within 10 s; see {LogFile}.");
            await Task.Delay(5);
        }
        return asked;
    }

    /// <summary>
    /// Waits for Mosquitto's next periodic save and returns just after it: the moment furthest from
    /// the following one (autosave_interval later, ~1-2 s).
    /// </summary>
    public async Task WaitForPeriodicSaveAsync()
    {
        var file = Path.Combine(_folder, "mosquitto.db");
        var since = DateTime.UtcNow;
        while (!File.Exists(file) || File.GetLastWriteTimeUtc(file) <= since)
        {
            if (DateTime.UtcNow - since > TimeSpan.FromSeconds(10))
                throw new TimeoutException($"Mosquitto did not save {file} within 10 s; see {LogFile}.");
            await Task.Delay(5);
        }
    }

    private const int SignalUser1 = 10;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Signal(int processId, int signal);

    private Task WaitUntilListeningAsync() => LoopbackListener.WaitAsync(_process, "Mosquitto", Port, TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
