using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace PharmaMes.Testing;

/// <summary>
/// A PostgreSQL server of our own: a fresh cluster in a temporary folder, on a free loopback port,
/// trusting local connections, without fsync (a test database need not survive a power cut).
/// Stopped, and its folder removed, on dispose, and also when the test process dies without disposing.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string SuperUser = "postgres";

    private readonly string _folder;
    private readonly Process _process;

    public int Port { get; }

    /// <summary>The server's own log (start-up, errors, shutdown).</summary>
    public string LogFile => Path.Combine(_folder, "postgres.log");

    private PostgresServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    /// <summary>The folder of the newest installed PostgreSQL's programs (initdb, postgres).</summary>
    public static string BinFolder =>
        (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [])
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "postgres")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            .FirstOrDefault()
        ?? throw new InvalidOperationException("PostgreSQL is not installed: run ./test.sh, which installs it.");

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = BinFolder;
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-postgres", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // PostgreSQL refuses to run as root, so as root it runs as the user "postgres", which must be
        // able to create its data folder, socket and log here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        }
        var data = Path.Combine(folder, "data");
        try
        {
            await InitializeClusterAsync(bin, data);
        }
        catch
        {
            DeleteFolder(folder);
            throw;
        }

        var port = FreePort.Next();
        var server = new PostgresServer(Launch(bin, data, folder, port), folder, port);
        try
        {
            await server.WaitUntilAcceptingAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private static async Task InitializeClusterAsync(string bin, string data)
    {
        using var initdb = Process.Start(AsServerUser(Path.Combine(bin, "initdb"),
            ["-D", data, "-A", "trust", "-U", SuperUser, "-E", "UTF8", "--no-locale", "--no-sync"]))!;
        var output = initdb.StandardOutput.ReadToEndAsync();
        var errors = initdb.StandardError.ReadToEndAsync();
        await initdb.WaitForExitAsync();
        if (initdb.ExitCode != 0)
            throw new InvalidOperationException($"initdb failed with code {initdb.ExitCode}: {await errors}{await output}");
    }

    /// <summary>
    /// Starts the server through a small shell that stops it when this process goes, however it goes.
    /// The shell's standard input is a pipe from this process, which it reads to the end: the end comes
    /// when this process closes the pipe on dispose, or when it exits in any way (killed, crashed), as
    /// the system then closes its pipes. The shell then asks the server for a fast shutdown, waits for
    /// it and removes its data. (The server itself reads /dev/null, as a command started with &amp; in a
    /// script does.) A pipe rather than polling this process's id: the shell runs as another user,
    /// which may not signal this process to probe it.
    /// </summary>
    private static Process Launch(string bin, string data, string folder, int port)
    {
        var script = $"""
            '{Path.Combine(bin, "postgres")}' -D '{data}' -p {port.ToString(CultureInfo.InvariantCulture)} -k '{folder}' \
                -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 \
                >'{Path.Combine(folder, "postgres.log")}' 2>&1 &
            server=$!
            cat >/dev/null
            kill -INT "$server" 2>/dev/null
            wait "$server"
            rm -rf '{data}'
            """;
        var start = AsServerUser("/bin/sh", ["-c", script]);
        start.RedirectStandardInput = true;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs a program as the user "postgres" when this process is root, else as this process's user.</summary>
    private static ProcessStartInfo AsServerUser(string program, IEnumerable<string> arguments)
    {
        var asRoot = !OperatingSystem.IsWindows() && Environment.UserName == "root";
        var start = asRoot
            ? new ProcessStartInfo("runuser", ["-u", SuperUser, "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return start;
    }

    /// <summary>A connection string to <paramref name="database"/> on this server, as its superuser.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates an empty database (a fresh name if none is given) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= "mes_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private async Task WaitUntilAcceptingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        // No pooling: the probe's connection is closed for good, not kept for the tests.
        var probe = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false, Timeout = 2 }.ConnectionString;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"PostgreSQL exited at start: {ReadLog()}");
            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync();
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private string ReadLog()
    {
        try { return File.ReadAllText(LogFile); }
        catch (IOException) { return "(no log)"; }
    }

    public async ValueTask DisposeAsync()
    {
        // Connections left in the pool would be cut by the shutdown, and the next use of the pool would fail.
        NpgsqlConnection.ClearAllPools();
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        DeleteFolder(_folder);
    }

    private static void DeleteFolder(string folder)
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
